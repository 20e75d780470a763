import type { Clock } from '@icc/core';

/** Waits `milliseconds`; rejects with the signal's reason (and cancels its timer) when aborted. */
export type Sleep = (milliseconds: number, signal?: AbortSignal) => Promise<void>;

/**
 * A `Sleep` on `clock`, so a fake clock drives retries in tests (nothing really sleeps) and an
 * adapter's `stop()` can abort a pending retry without leaving its timer behind.
 */
export function sleepOnClock(clock: Clock): Sleep {
  return (milliseconds, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        cancel();
        reject(signal?.reason);
      };
      const cancel = clock.setTimer(clock.now() + Math.max(0, milliseconds), () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
      signal?.addEventListener('abort', onAbort, { once: true });
    });
}
