import { ConnectClient } from '@aws-sdk/client-connect';
import { fullJitterDelay, parseRetryAfter, sleepOnClock } from '@icc/adapter-kit';
import { AdapterError, type Clock } from '@icc/core';
import type { AmazonConnectAdapterConfig } from './amazon-connect-config';

/** Connect's own names for "slow down"; they are retried whatever the operation. */
const THROTTLED = new Set(['ThrottlingException', 'TooManyRequestsException', 'LimitExceededException']);
const ALWAYS_RETRIED_STATUS = new Set([429, 503]);
const RETRIED_WHEN_IDEMPOTENT_STATUS = new Set([408, 500, 502, 504]);

export interface AmazonConnectApi {
  /**
   * Runs one Connect operation through the SDK (which signs it with SigV4) with bounded backoff:
   * throttling and 503 are always retried, honouring `Retry-After`; other 5xx and network errors
   * only when sending twice is harmless (`idempotent`, e.g. a call carrying a `ClientToken`).
   * Gives up with a typed `AdapterError`.
   */
  call<Output>(operation: string, send: (client: ConnectClient, abortSignal: AbortSignal) => Promise<Output>, idempotent: boolean): Promise<Output>;
  destroy(): void;
}

interface SdkError {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string | undefined> };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createAmazonConnectApi(config: AmazonConnectAdapterConfig, clock: Clock, signal: AbortSignal): AmazonConnectApi {
  const client = new ConnectClient({
    region: config.region,
    ...(config.endpoint !== undefined ? { endpoint: config.endpoint } : {}),
    ...(config.credentials !== undefined ? { credentials: config.credentials } : {}),
    // The SDK would sleep on real timers between its own retries; ours wait on the adapter's clock.
    maxAttempts: 1,
  });
  const sleep = sleepOnClock(clock);
  const backoff = { baseDelayMs: config.retry.baseDelayMs, maxDelayMs: config.retry.maxDelayMs, random: Math.random };

  return {
    async call(operation, send, idempotent) {
      for (let attempt = 1; ; attempt++) {
        let error: SdkError;
        try {
          return await send(client, signal);
        } catch (caught) {
          if (signal.aborted) throw new AdapterError(`amazon-connect ${operation} was abandoned: the adapter stopped`, true);
          error = (caught ?? {}) as SdkError;
        }
        const status = error.$metadata?.httpStatusCode;
        const code = error.name;
        const what = status === undefined ? `a network error (${describe(error)})` : `HTTP ${status} ${code ?? ''}`.trim();
        const throttled = (status !== undefined && ALWAYS_RETRIED_STATUS.has(status)) || (code !== undefined && THROTTLED.has(code));
        const transient = throttled || status === undefined || RETRIED_WHEN_IDEMPOTENT_STATUS.has(status);
        if (!transient) {
          throw new AdapterError(`amazon-connect ${operation} was refused with ${what}: ${error.message ?? ''}`, false, status, code);
        }
        if (!throttled && !idempotent) {
          throw new AdapterError(`amazon-connect ${operation} failed with ${what}; not retried, as sending it twice could do the work twice`, true, status, code);
        }
        if (attempt >= config.retry.maxAttempts) {
          throw new AdapterError(`amazon-connect ${operation} still failed after ${attempt} attempts (last: ${what}); try again later`, true, status, code);
        }
        const retryAfter = throttled ? parseRetryAfter(error.$response?.headers?.['retry-after'], clock.now()) : undefined;
        try {
          await sleep(retryAfter ?? fullJitterDelay(attempt, backoff), signal);
        } catch {
          throw new AdapterError(`amazon-connect ${operation} was abandoned: the adapter stopped`, true, status, code);
        }
      }
    },
    destroy: () => client.destroy(),
  };
}
