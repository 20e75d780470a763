import { AdapterError, systemClock } from '@icc/core';
import { fullJitterDelay } from './full-jitter-backoff';
import { linkAbortSignal } from './link-abort-signal';
import { parseRetryAfter } from './parse-retry-after';
import { refusalHint } from './refusal-hint';
import { sleepOnClock, type Sleep } from './sleep-on-clock';

export interface VendorHttpClientOptions {
  /** Vendor name for error messages, e.g. `genesys`. */
  vendor: string;
  /** Origin and path prefix, e.g. `https://api.mypurecloud.com`; request paths are appended. */
  baseUrl: string;
  fetch?: typeof globalThis.fetch;
  /** Tries per call, the first included. Default 4. */
  maxAttempts?: number;
  /** Ceiling of the first backoff (full jitter). Default 500 ms. */
  baseDelayMs?: number;
  /** Ceiling of any backoff. Default 20 s. */
  maxDelayMs?: number;
  /** A `Retry-After` longer than this is not waited for: the call fails, retryable, at once. Default 120 s. */
  maxRetryAfterMs?: number;
  random?: () => number;
  /** Default: `sleepOnClock(systemClock)`; adapters pass `sleepOnClock(context.clock)`. */
  sleep?: Sleep;
  /** For `Retry-After` given as an HTTP date. Default `Date.now`. */
  now?: () => number;
  /** Headers sent with every call, e.g. a bearer token that is refreshed when it expires. */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  /** The vendor's error code from an error body; default: `code`, `errorCode`, `__type` or `error` if a string. */
  readErrorCode?: (body: unknown) => string | undefined;
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

type Attempt = { kind: 'response'; response: Response; body: unknown } | { kind: 'network'; error: unknown };

const ALWAYS_RETRIED = new Set([429, 503]);
const RETRIED_WHEN_IDEMPOTENT = new Set([408, 500, 502, 504]);

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
  const maxAttempts = Math.max(1, options.maxAttempts ?? 4);
  const backoff = {
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 20_000,
    random: options.random ?? Math.random,
  };
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 120_000;
  const sleep = options.sleep ?? sleepOnClock(systemClock);
  const now = options.now ?? Date.now;
  const readErrorCode = options.readErrorCode ?? defaultErrorCode;
  const origin = options.baseUrl.replace(/\/+$/, '');

  const urlOf = (request: VendorRequest) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query ?? {})) if (value !== undefined) query.set(key, String(value));
    const path = request.path.startsWith('/') ? request.path : `/${request.path}`;
    const search = query.toString();
    return `${origin}${path}${search ? `?${search}` : ''}`;
  };

  const send = async (request: VendorRequest, url: string): Promise<Attempt> => {
    const headers: Record<string, string> = { accept: 'application/json', ...(await options.headers?.()), ...request.headers };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const linked = linkAbortSignal(request.signal);
    try {
      const response = await fetchImpl(url, {
        method: request.method,
        headers,
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
        ...(linked.signal ? { signal: linked.signal } : {}),
      });
      return { kind: 'response', response, body: await readBody(response) };
    } catch (error) {
      if (request.signal?.aborted) throw error;
      return { kind: 'network', error };
    } finally {
      linked.release();
    }
  };

  return {
    async request<Body>(request: VendorRequest, parse?: (body: unknown) => Body): Promise<VendorResponse<Body>> {
      const url = urlOf(request);
      const call = `${options.vendor} ${request.method} ${request.path}`;
      const idempotent = request.idempotent ?? ['GET', 'PUT', 'DELETE'].includes(request.method);
      for (let attempt = 1; ; attempt++) {
        const outcome = await send(request, url);
        if (outcome.kind === 'response' && outcome.response.ok) {
          try {
            const body = parse ? parse(outcome.body) : (outcome.body as Body);
            return { status: outcome.response.status, headers: outcome.response.headers, body, attempts: attempt };
          } catch (error) {
            throw new AdapterError(`${call} answered in a shape we do not understand: ${describeError(error)}`, false, outcome.response.status);
          }
        }
        const status = outcome.kind === 'response' ? outcome.response.status : undefined;
        const code = outcome.kind === 'response' ? readErrorCode(outcome.body) : undefined;
        const what = status === undefined ? `a network error (${describeError((outcome as { error: unknown }).error)})` : `HTTP ${status}${code ? ` (${code})` : ''}`;

        const transient = status === undefined || ALWAYS_RETRIED.has(status) || RETRIED_WHEN_IDEMPOTENT.has(status);
        if (!transient) throw new AdapterError(`${call} was refused with ${what}; ${refusalHint(status)}`, false, status, code);
        if (!idempotent && (status === undefined || !ALWAYS_RETRIED.has(status))) {
          throw new AdapterError(`${call} failed with ${what}; not retried, because sending it twice could do the work twice`, true, status, code);
        }
        if (attempt >= maxAttempts) {
          throw new AdapterError(`${call} still failed after ${attempt} attempts (last: ${what}); try again later`, true, status, code);
        }
        const retryAfter = outcome.kind === 'response' && status !== undefined && ALWAYS_RETRIED.has(status)
          ? parseRetryAfter(outcome.response.headers.get('retry-after'), now())
          : undefined;
        if (retryAfter !== undefined && retryAfter > maxRetryAfterMs) {
          throw new AdapterError(`${call} failed with ${what} and asks to wait ${Math.ceil(retryAfter / 1000)} s; try again later`, true, status, code);
        }
        await sleep(retryAfter ?? fullJitterDelay(attempt, backoff), request.signal);
      }
    },
  };
}
