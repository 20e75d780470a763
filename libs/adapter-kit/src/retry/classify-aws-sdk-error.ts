import type { VendorFailure } from './retry-vendor-call';

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
