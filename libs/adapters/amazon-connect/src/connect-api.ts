import { ConnectClient } from '@aws-sdk/client-connect';
import { classifyAwsSdkError, retryVendorCall, sleepOnClock } from '@icc/adapter-kit';
import { AdapterError, type Clock } from '@icc/core';
import type { AmazonConnectAdapterConfig } from './connect-config';

/** An SDK command (`new StopContactCommand({…})`); its output type is read off the command. */
export interface ConnectCommand<Output> {
  readonly input: object;
  resolveMiddleware(...args: never[]): (args: never) => Promise<{ output: Output }>;
}

export interface ConnectApi {
  /**
   * Sends one Connect operation through the SDK (which signs it with SigV4) with the kit's
   * `retryVendorCall`: throttling and 503 are always retried, honouring `Retry-After`; other 5xx
   * and network errors only when sending twice is harmless (`idempotent`, the default: Connect's
   * writes here carry a `ClientToken` or set a value). Gives up with a typed `AdapterError`.
   */
  send<Output>(command: ConnectCommand<Output>, idempotent?: boolean): Promise<Output>;
  destroy(): void;
}

export function createConnectApi(config: AmazonConnectAdapterConfig, clock: Clock, signal: AbortSignal): ConnectApi {
  const client = new ConnectClient({
    region: config.region,
    ...(config.endpoint !== undefined ? { endpoint: config.endpoint } : {}),
    ...(config.credentials !== undefined ? { credentials: config.credentials } : {}),
    // The SDK would sleep on real timers between its own retries; ours wait on the adapter's clock.
    maxAttempts: 1,
  });
  return {
    send<Output>(command: ConnectCommand<Output>, idempotent = true) {
      const call = `amazon-connect ${command.constructor.name.replace(/Command$/, '')}`;
      return retryVendorCall(() => client.send(command as never, { abortSignal: signal }) as Promise<Output>, {
        ...config.retry,
        // Connect's throttling is waited out however long it asks; the attempts bound the call.
        maxRetryAfterMs: Number.POSITIVE_INFINITY,
        sleep: sleepOnClock(clock),
        now: () => clock.now(),
        call,
        idempotent,
        classify: classifyAwsSdkError,
        signal,
        abandoned: () => new AdapterError(`${call} was abandoned: the adapter stopped`, true),
      });
    },
    destroy: () => client.destroy(),
  };
}
