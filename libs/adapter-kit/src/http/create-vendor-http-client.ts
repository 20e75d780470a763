import { AdapterError } from '@icc/core';
import { retryVendorCall, type RetryPolicy, type VendorFailure } from '../retry/retry-vendor-call';
import { linkAbortSignal } from './link-abort-signal';
import { refusalHint } from './refusal-hint';

/** The retry settings (`maxAttempts`, backoff, `Retry-After` cap, `sleep` on the adapter's clock) are `retryVendorCall`'s. */
export interface VendorHttpClientOptions extends RetryPolicy {
  /** Vendor name for error messages, e.g. `genesys`. */
  vendor: string;
  /** Origin and path prefix, e.g. `https://api.mypurecloud.com`; request paths are appended. */
  baseUrl: string;
  fetch?: typeof globalThis.fetch;
  /** Headers sent with every call, e.g. a bearer token that is refreshed when it expires. */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  /**
   * The vendor's error code from an error answer; default: the body's `code`, `errorCode`, `__type`
   * or `error` if a string. AWS REST-JSON services name it in the `x-amzn-ErrorType` header.
   */
  readErrorCode?: (body: unknown, headers: Headers) => string | undefined;
}

export interface VendorRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Appended to `baseUrl`: `/api/v2/conversations/callbacks`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * Sending the request twice is harmless. Decides whether 5xx answers and network errors are
   * retried (429 and 503 always are: the vendor did not do the work). Default: true for GET, PUT
   * and DELETE. Pass true for a POST that carries the vendor's idempotency token (Amazon Connect
   * `ClientToken`, or the callbackId where the vendor deduplicates on an external id).
   */
  idempotent?: boolean;
  /** Aborts the call and any wait before a retry (an adapter's `stop()`). */
  signal?: AbortSignal;
}

export interface VendorResponse<Body> {
  status: number;
  headers: Headers;
  body: Body;
  /** How many tries it took. */
  attempts: number;
}

export interface VendorHttpClient {
  /** Resolves with the 2xx answer (parsed by `parse`, e.g. a zod schema's `parse`), or throws `AdapterError`. */
  request<Body = unknown>(request: VendorRequest, parse?: (body: unknown) => Body): Promise<VendorResponse<Body>>;
}

/** A non-2xx answer or a network error: what `retryVendorCall` classifies. */
class FailedAttempt {
  constructor(readonly failure: VendorFailure) {}
}

function defaultErrorCode(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const fields = body as Record<string, unknown>;
  for (const key of ['code', 'errorCode', '__type', 'error']) if (typeof fields[key] === 'string') return fields[key] as string;
  return undefined;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  if (!(response.headers.get('content-type') ?? '').includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The HTTP plumbing vendor adapters share: JSON in and out, `Retry-After` honoured on 429/503,
 * full-jitter exponential backoff on 5xx and network errors (for idempotent calls), and a typed
 * `AdapterError` (retryable, vendor status and code) when it gives up.
 */
export function createVendorHttpClient(options: VendorHttpClientOptions): VendorHttpClient {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const { maxAttempts, baseDelayMs, maxDelayMs, maxRetryAfterMs, random, sleep, now } = options;
  const retryPolicy: RetryPolicy = { maxAttempts, baseDelayMs, maxDelayMs, maxRetryAfterMs, random, sleep, now };
  const readErrorCode = options.readErrorCode ?? defaultErrorCode;
  const origin = options.baseUrl.replace(/\/+$/, '');

  const urlOf = (request: VendorRequest) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query ?? {})) if (value !== undefined) query.set(key, String(value));
    const path = request.path.startsWith('/') ? request.path : `/${request.path}`;
    const search = query.toString();
    return `${origin}${path}${search ? `?${search}` : ''}`;
  };

  const send = async (request: VendorRequest, url: string, signal: AbortSignal | undefined): Promise<{ response: Response; body: unknown }> => {
    const headers: Record<string, string> = { accept: 'application/json', ...(await options.headers?.()), ...request.headers };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const linked = linkAbortSignal(signal);
    try {
      const response = await fetchImpl(url, {
        method: request.method,
        headers,
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
        ...(linked.signal ? { signal: linked.signal } : {}),
      });
      const body = await readBody(response);
      if (response.ok) return { response, body };
      const code = readErrorCode(body, response.headers);
      throw new FailedAttempt({ status: response.status, ...(code !== undefined ? { code } : {}), retryAfter: response.headers.get('retry-after') });
    } catch (error) {
      if (error instanceof FailedAttempt || signal?.aborted) throw error;
      throw new FailedAttempt({ detail: describeError(error) });
    } finally {
      linked.release();
    }
  };

  return {
    async request<Body>(request: VendorRequest, parse?: (body: unknown) => Body): Promise<VendorResponse<Body>> {
      const url = urlOf(request);
      const call = `${options.vendor} ${request.method} ${request.path}`;
      return retryVendorCall(
        async (attempts, signal) => {
          const { response, body } = await send(request, url, signal);
          try {
            return { status: response.status, headers: response.headers, body: parse ? parse(body) : (body as Body), attempts };
          } catch (error) {
            throw new AdapterError(`${call} answered in a shape we do not understand: ${describeError(error)}`, false, response.status);
          }
        },
        {
          ...retryPolicy,
          call,
          idempotent: request.idempotent ?? ['GET', 'PUT', 'DELETE'].includes(request.method),
          classify: (error) => (error instanceof FailedAttempt ? error.failure : undefined),
          refusalHint: (failure) => refusalHint(failure.status),
          ...(request.signal ? { signal: request.signal } : {}),
        },
      );
    },
  };
}
