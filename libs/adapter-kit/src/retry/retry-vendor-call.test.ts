import { AdapterError, createFakeClock } from '@icc/core';
import { sleepOnClock } from '../http/sleep-on-clock';
import { retryVendorCall, type RetryVendorCallOptions, type VendorFailure } from './retry-vendor-call';

/** What an SDK throws: the shape `classify` reads. */
class SdkFailure extends Error {
  constructor(readonly failure: VendorFailure) {
    super(failure.detail ?? 'sdk failure');
  }
}

/** Fails with `failures` in turn, then resolves with the attempt number; waits are recorded, not slept. */
function scripted(failures: VendorFailure[], options: Partial<RetryVendorCallOptions> = {}) {
  const waits: number[] = [];
  let calls = 0;
  const result = retryVendorCall(
    async (attempt) => {
      calls += 1;
      const failure = failures[attempt - 1];
      if (failure) throw new SdkFailure(failure);
      return attempt;
    },
    {
      call: 'acme StartCall',
      idempotent: false,
      classify: (error) => (error instanceof SdkFailure ? error.failure : undefined),
      baseDelayMs: 1000,
      maxDelayMs: 5000,
      random: () => 0.5,
      sleep: async (milliseconds) => {
        waits.push(milliseconds);
      },
      ...options,
    },
  );
  return { result, waits, calls: () => calls };
}

describe('retryVendorCall', () => {
  it('retries throttling whatever the call, waiting as long as Retry-After says', async () => {
    const run = scripted([{ status: 429, retryAfter: '7' }, { status: 400, code: 'ThrottlingException', throttled: true }]);
    await expect(run.result).resolves.toBe(3);
    // 7 s from the header, then full jitter: 0.5 × min(5000, 1000 · 2^1)
    expect(run.waits).toEqual([7000, 1000]);
  });

  it('reads Retry-After given as an HTTP date on the injected clock', async () => {
    const now = Date.parse('2026-01-05T09:00:00Z');
    const run = scripted([{ status: 503, retryAfter: 'Mon, 05 Jan 2026 09:00:12 GMT' }], { now: () => now });
    await run.result;
    expect(run.waits).toEqual([12_000]);
  });

  it('backs off with full jitter on 5xx and network errors when the call is idempotent, capped at maxDelayMs', async () => {
    const run = scripted([{ status: 500 }, { detail: 'ECONNRESET' }, { status: 504 }], { idempotent: true, maxDelayMs: 1500 });
    await expect(run.result).resolves.toBe(4);
    expect(run.waits).toEqual([500, 750, 750]);
  });

  it('does not resend a call that is not idempotent after a 5xx or a network error', async () => {
    const run = scripted([{ detail: 'socket hang up' }]);
    await expect(run.result).rejects.toThrow(
      new AdapterError('acme StartCall failed with a network error (socket hang up); not retried, because sending it twice could do the work twice', true),
    );
    await expect(run.result).rejects.toMatchObject({ retryable: true, vendorStatus: undefined });
    expect(run.calls()).toBe(1);
  });

  it('never retries a refusal, and says what to do about it', async () => {
    const run = scripted([{ status: 404, code: 'ResourceNotFoundException' }], { idempotent: true, refusalHint: () => 'the vendor does not know it' });
    await expect(run.result).rejects.toMatchObject({
      retryable: false,
      vendorStatus: 404,
      vendorCode: 'ResourceNotFoundException',
      message: 'acme StartCall was refused with HTTP 404 (ResourceNotFoundException); the vendor does not know it',
    });
    expect(run.waits).toEqual([]);
  });

  it('gives up after maxAttempts with a retryable AdapterError carrying the last status and code', async () => {
    const run = scripted(Array.from({ length: 9 }, () => ({ status: 503, code: 'busy' })), { maxAttempts: 3 });
    await expect(run.result).rejects.toMatchObject({
      code: 'vendor_unavailable',
      retryable: true,
      vendorStatus: 503,
      vendorCode: 'busy',
      message: 'acme StartCall still failed after 3 attempts (last: HTTP 503 (busy)); try again later',
    });
    expect(run.waits).toHaveLength(2);
  });

  it('fails at once when Retry-After asks for longer than maxRetryAfterMs', async () => {
    const run = scripted([{ status: 429, retryAfter: '3600' }], { maxRetryAfterMs: 60_000 });
    await expect(run.result).rejects.toMatchObject({ retryable: true, message: expect.stringContaining('asks to wait 3600 s') });
    expect(run.waits).toEqual([]);
  });

  it('rethrows as it is an error that is not the vendor answering', async () => {
    const bug = new TypeError('cannot read properties of undefined');
    await expect(retryVendorCall(() => Promise.reject(bug), { call: 'acme X', idempotent: true, classify: () => undefined })).rejects.toBe(bug);
  });

  it('waits on the clock it is given, and an abort ends the wait, cancels its timer and says the call was abandoned', async () => {
    const clock = createFakeClock('2026-01-05T09:00:00Z');
    const controller = new AbortController();
    const run = scripted([{ status: 503, retryAfter: '30' }], {
      sleep: sleepOnClock(clock),
      signal: controller.signal,
      abandoned: () => new AdapterError('acme StartCall was abandoned: the adapter stopped', true),
    });
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(clock.pendingTimers()).toBe(1);
    controller.abort(new Error('stop'));
    await expect(run.result).rejects.toThrow('acme StartCall was abandoned: the adapter stopped');
    expect(clock.pendingTimers()).toBe(0);
    expect(run.calls()).toBe(1);
  });

  it('hands the attempt the signal, and an attempt cut short by the abort is not retried', async () => {
    const controller = new AbortController();
    const seen: Array<AbortSignal | undefined> = [];
    const result = retryVendorCall(
      (_attempt, signal) => {
        seen.push(signal);
        controller.abort(new Error('adapter stopped'));
        return Promise.reject(new SdkFailure({ detail: 'aborted' }));
      },
      { call: 'acme X', idempotent: true, classify: (error) => (error as SdkFailure).failure, signal: controller.signal },
    );
    await expect(result).rejects.toThrow('aborted');
    expect(seen).toEqual([controller.signal]);
  });

  it('advances through real waits on a fake clock', async () => {
    const clock = createFakeClock('2026-01-05T09:00:00Z');
    const run = scripted([{ status: 429 }, { status: 429 }], { sleep: sleepOnClock(clock), random: () => 0.999 });
    await new Promise<void>((resolve) => setImmediate(resolve));
    clock.advance(999);
    await new Promise<void>((resolve) => setImmediate(resolve));
    clock.advance(1998);
    await expect(run.result).resolves.toBe(3);
  });
});
