import { ConnectClient } from '@aws-sdk/client-connect';
import { retryVendorCall, sleepOnClock, type VendorFailure } from '@icc/adapter-kit';
import { AdapterError, type Clock } from '@icc/core';
import type { AmazonConnectAdapterConfig } from './amazon-connect-config';

/** Connect's own names for "slow down"; they are retried whatever the operation. */
const THROTTLED = new Set(['ThrottlingException', 'TooManyRequestsException', 'LimitExceededException']);

export interface AmazonConnectApi {
  /**
   * Runs one Connect operation through the SDK (which signs it with SigV4) with the kit's
   * `retryVendorCall`: throttling and 503 are always retried, honouring `Retry-After`; other 5xx
   * and network errors only when sending twice is harmless (`idempotent`, e.g. a call carrying a
   * `ClientToken`). Gives up with a typed `AdapterError`.
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

/** An SDK error as the vendor's answer: its HTTP status, exception name and `Retry-After`. */
function classifySdkError(caught: unknown): VendorFailure {
  const error = (caught ?? {}) as SdkError;
  const message = caught instanceof Error ? caught.message : String(caught);
  const status = error.$metadata?.httpStatusCode;
  return {
    ...(status !== undefined ? { status } : {}),
    ...(error.name !== undefined ? { code: error.name } : {}),
    throttled: error.name !== undefined && THROTTLED.has(error.name),
    retryAfter: error.$response?.headers?.['retry-after'],
    detail: message,
  };
}

export function createAmazonConnectApi(config: AmazonConnectAdapterConfig, clock: Clock, signal: AbortSignal): AmazonConnectApi {
  const client = new ConnectClient({
    region: config.region,
    ...(config.endpoint !== undefined ? { endpoint: config.endpoint } : {}),
    ...(config.credentials !== undefined ? { credentials: config.credentials } : {}),
    // The SDK would sleep on real timers between its own retries; ours wait on the adapter's clock.
    maxAttempts: 1,
  });
  const policy = {
    maxAttempts: config.retry.maxAttempts,
    baseDelayMs: config.retry.baseDelayMs,
    maxDelayMs: config.retry.maxDelayMs,
    // Connect's throttling is waited out however long it asks; the attempts bound the call.
    maxRetryAfterMs: Number.POSITIVE_INFINITY,
    sleep: sleepOnClock(clock),
    now: () => clock.now(),
  };

  return {
    call: (operation, send, idempotent) =>
      retryVendorCall(() => send(client, signal), {
        ...policy,
        call: `amazon-connect ${operation}`,
        idempotent,
        classify: classifySdkError,
        signal,
        abandoned: () => new AdapterError(`amazon-connect ${operation} was abandoned: the adapter stopped`, true),
      }),
    destroy: () => client.destroy(),
  };
}
