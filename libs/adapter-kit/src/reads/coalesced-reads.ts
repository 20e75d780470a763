import type { Clock } from '@icc/core';

export interface CoalescedReadsOptions<Value> {
  clock: Clock;
  /** A value is read again once it is this old. */
  refreshAfterMs: number;
  /** The vendor's quota for the read, as a token bucket: steady requests per second and burst. */
  quota: { perSecond: number; burst: number };
  /** Reads the values of several keys in one vendor request; a key missing from the answer has no value. */
  read(keys: string[]): Promise<ReadonlyMap<string, Value>>;
  /** A failed read: the previous values are kept and read again once stale. */
  onError?(error: unknown): void;
  /** Background reads (the lifecycle's `track`, so `stop()` waits for them). */
  track?(work: Promise<unknown>): void;
}

export interface CoalescedReads<Value> {
  /** The last value read for `key`; a missing or stale one is read again in the background and shows on a later ask. */
  get(key: string): Value | undefined;
  /** Drops what was read and cancels a waiting read (the adapter stopped). */
  clear(): void;
}

/**
 * Values a port must answer synchronously (a queue's estimated wait) from a vendor read that has a
 * quota: cached for `refreshAfterMs`, every key asked for in the same turn read in one request,
 * a key already being read never asked twice, and requests kept within the quota (a read that
 * would exceed it waits for the bucket on the clock, collecting the keys asked for meanwhile).
 */
export function createCoalescedReads<Value>(options: CoalescedReadsOptions<Value>): CoalescedReads<Value> {
  const { clock, quota } = options;
  const values = new Map<string, { value: Value | undefined; readAt: number }>();
  const waiting = new Set<string>();
  const reading = new Set<string>();
  let tokens = quota.burst;
  let refilledAt = clock.now();
  let scheduled = false;
  let cancelTimer: (() => void) | undefined;

  /** Takes a request from the bucket: 0 when taken, else the milliseconds until one is there. */
  const takeToken = (): number => {
    const now = clock.now();
    tokens = Math.min(quota.burst, tokens + ((now - refilledAt) * quota.perSecond) / 1000);
    refilledAt = now;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - tokens) * 1000) / quota.perSecond);
  };

  const schedule = (afterMs: number) => {
    if (scheduled) return;
    scheduled = true;
    if (afterMs === 0) queueMicrotask(send);
    else cancelTimer = clock.setTimer(clock.now() + afterMs, send);
  };

  function send(): void {
    scheduled = false;
    cancelTimer = undefined;
    if (waiting.size === 0) return;
    const wait = takeToken();
    if (wait > 0) return schedule(wait);
    const keys = [...waiting];
    waiting.clear();
    for (const key of keys) reading.add(key);
    const work = options
      .read(keys)
      .then(
        (answer) => keys.forEach((key) => values.set(key, { value: answer.get(key), readAt: clock.now() })),
        (error: unknown) => {
          for (const key of keys) values.set(key, { value: values.get(key)?.value, readAt: clock.now() });
          options.onError?.(error);
        },
      )
      .finally(() => keys.forEach((key) => reading.delete(key)));
    options.track?.(work);
  }

  return {
    get(key) {
      const known = values.get(key);
      const stale = known === undefined || clock.now() - known.readAt >= options.refreshAfterMs;
      if (stale && !reading.has(key) && !waiting.has(key)) {
        waiting.add(key);
        schedule(0);
      }
      return known?.value;
    },
    clear() {
      cancelTimer?.();
      waiting.clear();
      values.clear();
    },
  };
}
