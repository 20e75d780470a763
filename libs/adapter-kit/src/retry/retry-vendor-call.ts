import { AdapterError, systemClock } from '@icc/core';
import { fullJitterDelay } from '../http/full-jitter-backoff';
import { parseRetryAfter } from '../http/parse-retry-after';
import { sleepOnClock, type Sleep } from '../http/sleep-on-clock';

/** What a failed attempt tells about the vendor's answer, whatever the transport (fetch, an AWS SDK client). */
export interface VendorFailure {
  /** The vendor's HTTP status; absent when no answer came (a network error). */
  status?: number;
  /** The vendor's error code (`ThrottlingException`, `bad.request`). */
  code?: string;
  /** The vendor names it "slow down" in its own words (e.g. AWS `ThrottlingException`), whatever the status. */
  throttled?: boolean;
  /** The `Retry-After` header as received. */
  retryAfter?: string | null;
  /** For the message: the network error, or the vendor's own reason for a refusal. */
  detail?: string;
}

export interface RetryPolicy {
  /** Tries per call, the first included. Default 4. */
  maxAttempts?: number;
  /** Ceiling of the first backoff (full jitter). Default 500 ms. */
  baseDelayMs?: number;
  /** Ceiling of any backoff. Default 20 s. */
  maxDelayMs?: number;
  /** A `Retry-After` longer than this is not waited for: the call fails, retryable, at once. Default 120 s. */
  maxRetryAfterMs?: number;
  /** In [0, 1); tests pin it. Default `Math.random`. */
  random?: () => number;
  /** Default: `sleepOnClock(systemClock)`; adapters pass `sleepOnClock(context.clock)`. */
  sleep?: Sleep;
  /** For `Retry-After` given as an HTTP date. Default `Date.now`; adapters pass `() => context.clock.now()`. */
  now?: () => number;
}

export interface RetryVendorCallOptions extends RetryPolicy {
  /** Names the call in errors: `genesys GET /api/v2/routing/queues/q-1`, `amazon-connect StartOutboundVoiceContact`. */
  call: string;
  /**
   * Sending it twice is harmless (a GET, a PUT, a call carrying the vendor's idempotency token).
   * Decides whether 5xx answers and network errors are retried; 429, 503 and throttling always
   * are: the vendor did not do the work.
   */
  idempotent: boolean;
  /** Reads a failed attempt; `undefined` for an error that is not the vendor's answer (rethrown as it is). */
  classify(error: unknown): VendorFailure | undefined;
  /** What a caller can do about a refusal (not retried); default: the failure's `detail`, else "check the request". */
  refusalHint?(failure: VendorFailure): string;
  /** Aborts the attempt in flight (the attempt gets it) and any wait before the next one. */
  signal?: AbortSignal;
  /** The error thrown once `signal` aborted; default its reason as it is. */
  abandoned?(reason: unknown): unknown;
}

const ALWAYS_RETRIED = new Set([429, 503]);
const RETRIED_WHEN_IDEMPOTENT = new Set([408, 500, 502, 504]);

function describeFailure(failure: VendorFailure): string {
  if (failure.status === undefined) return `a network error (${failure.detail ?? 'no answer'})`;
  return `HTTP ${failure.status}${failure.code ? ` (${failure.code})` : ''}`;
}

/**
 * Runs a vendor call until it succeeds or there is no point trying again: throttling (429, 503,
 * a vendor's throttling code) is always retried, waiting as long as `Retry-After` says; other 5xx
 * and network errors only when the call is idempotent, after a full-jitter exponential backoff;
 * a refusal never. Waits are on the injected sleep (the adapter's clock) and end when `signal`
 * aborts. Gives up with an `AdapterError` carrying `retryable`, the vendor status and code.
 */
export async function retryVendorCall<T>(attempt: (attemptNumber: number, signal: AbortSignal | undefined) => Promise<T>, options: RetryVendorCallOptions): Promise<T> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 4);
  const backoff = { baseDelayMs: options.baseDelayMs ?? 500, maxDelayMs: options.maxDelayMs ?? 20_000, random: options.random ?? Math.random };
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 120_000;
  const sleep = options.sleep ?? sleepOnClock(systemClock);
  const now = options.now ?? Date.now;
  const { call, signal } = options;
  const abandoned = (reason: unknown) => (options.abandoned ? options.abandoned(reason) : reason);

  for (let attemptNumber = 1; ; attemptNumber++) {
    let failure: VendorFailure | undefined;
    try {
      return await attempt(attemptNumber, signal);
    } catch (error) {
      if (signal?.aborted) throw abandoned(error);
      failure = options.classify(error);
      if (!failure) throw error;
    }
    const { status, code } = failure;
    const what = describeFailure(failure);
    const throttled = failure.throttled === true || (status !== undefined && ALWAYS_RETRIED.has(status));
    const transient = throttled || status === undefined || RETRIED_WHEN_IDEMPOTENT.has(status);
    if (!transient) {
      const hint = options.refusalHint?.(failure) ?? failure.detail ?? 'check the request';
      throw new AdapterError(`${call} was refused with ${what}; ${hint}`, false, status, code);
    }
    if (!throttled && !options.idempotent) {
      throw new AdapterError(`${call} failed with ${what}; not retried, because sending it twice could do the work twice`, true, status, code);
    }
    if (attemptNumber >= maxAttempts) {
      throw new AdapterError(`${call} still failed after ${attemptNumber} attempts (last: ${what}); try again later`, true, status, code);
    }
    const retryAfter = throttled ? parseRetryAfter(failure.retryAfter, now()) : undefined;
    if (retryAfter !== undefined && retryAfter > maxRetryAfterMs) {
      throw new AdapterError(`${call} failed with ${what} and asks to wait ${Math.ceil(retryAfter / 1000)} s; try again later`, true, status, code);
    }
    try {
      await sleep(retryAfter ?? fullJitterDelay(attemptNumber, backoff), signal);
    } catch (error) {
      throw abandoned(error);
    }
  }
}
