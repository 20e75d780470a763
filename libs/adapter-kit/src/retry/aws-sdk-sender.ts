import { AdapterError } from '@icc/core';
import { retryVendorCall, type RetryPolicy, type VendorFailure } from './retry-vendor-call';

/** AWS's own names for "slow down" (Connect's model: ThrottlingException 429, LimitExceededException); retried whatever the call. */
const THROTTLED = new Set(['ThrottlingException', 'TooManyRequestsException', 'LimitExceededException']);

interface AwsSdkError {
  name?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string | undefined> };
}

/** An AWS SDK v3 error as `retryVendorCall`'s failure: HTTP status, exception name, throttling and `Retry-After`. */
export function classifyAwsSdkError(caught: unknown): VendorFailure {
  const error = (caught ?? {}) as AwsSdkError;
  const status = error.$metadata?.httpStatusCode;
  return {
    ...(status !== undefined ? { status } : {}),
    ...(error.name !== undefined ? { code: error.name } : {}),
    throttled: error.name !== undefined && THROTTLED.has(error.name),
    retryAfter: error.$response?.headers?.['retry-after'],
    detail: caught instanceof Error ? caught.message : String(caught),
  };
}

/** An AWS SDK v3 command (`new StopContactCommand({…})`); its output type is read off the command. */
export interface AwsSdkCommand<Output> {
  readonly input: object;
  resolveMiddleware(...args: never[]): (args: never) => Promise<{ output: Output }>;
}

/** The SDK client's `send`, e.g. `ConnectClient` (created with `maxAttempts: 1`: the retries are these). */
export interface AwsSdkClient {
  send(command: never, options: { abortSignal: AbortSignal }): Promise<unknown>;
}

/** Sends a command through `retryVendorCall`; `idempotent` (default true): sending it twice is harmless (a `ClientToken`, a value set). */
export type AwsSdkSender = <Output>(command: AwsSdkCommand<Output>, idempotent?: boolean) => Promise<Output>;

/**
 * AWS SDK v3 calls on the kit's one retry loop: throttling and 503 always retried, honouring
 * `Retry-After` however long AWS asks (the attempts bound the call), other 5xx and network errors
 * only when idempotent; a typed `AdapterError` when it gives up or the adapter stopped.
 */
export function createAwsSdkSender(options: { vendor: string; client: AwsSdkClient; signal: AbortSignal; retry: RetryPolicy }): AwsSdkSender {
  return <Output>(command: AwsSdkCommand<Output>, idempotent = true) => {
    const call = `${options.vendor} ${command.constructor.name.replace(/Command$/, '')}`;
    return retryVendorCall(() => options.client.send(command as never, { abortSignal: options.signal }) as Promise<Output>, {
      maxRetryAfterMs: Number.POSITIVE_INFINITY,
      ...options.retry,
      call,
      idempotent,
      classify: classifyAwsSdkError,
      signal: options.signal,
      abandoned: () => new AdapterError(`${call} was abandoned: the adapter stopped`, true),
    });
  };
}
