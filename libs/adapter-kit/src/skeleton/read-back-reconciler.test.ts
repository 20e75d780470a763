import { createFakeClock } from '@icc/core';
import { createRecordingLogger } from '../conformance/recording-logger';
import { createReadBackReconciler, isAwaitingVendorTooLong } from './read-back-reconciler';

interface Item {
  key?: string;
  overdue: boolean;
}

function setUp(items: Item[], read: (key: string) => Promise<string> = async (key) => `snapshot of ${key}`) {
  const clock = createFakeClock(0);
  const logger = createRecordingLogger();
  const applied: string[] = [];
  let running = true;
  const reconciler = createReadBackReconciler<Item, string>({
    vendor: 'example',
    keyOf: (item) => item.key,
    open: () => items,
    isOverdue: (item) => item.overdue,
    read,
    apply: async (snapshot) => applied.push(snapshot),
    clock,
    logger,
    sweepEveryMs: 10_000,
    isRunning: () => running,
  });
  return { clock, logger, applied, reconciler, stopRunning: () => (running = false) };
}

const turns = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('createReadBackReconciler', () => {
  it('reads back every linked open item, and applies what it read', async () => {
    const { reconciler, applied } = setUp([{ key: 'c-1', overdue: false }, { overdue: true }, { key: 'c-2', overdue: false }]);
    await reconciler.everything('started');
    expect(applied.sort()).toEqual(['snapshot of c-1', 'snapshot of c-2']);
    expect(reconciler.stats()).toEqual({ reconciled: 2, reconcileFailures: 0 });
  });

  it('sweeps only the overdue items, every sweepEveryMs, until stopped', async () => {
    const { clock, reconciler, applied } = setUp([{ key: 'c-1', overdue: true }, { key: 'c-2', overdue: false }]);
    reconciler.start();
    clock.advance(9_999);
    await turns();
    expect(applied).toEqual([]);
    clock.advance(1);
    await turns();
    expect(applied).toEqual(['snapshot of c-1']);
    clock.advance(10_000);
    await turns();
    expect(applied).toEqual(['snapshot of c-1', 'snapshot of c-1']);
    reconciler.stop();
    expect(clock.pendingTimers()).toBe(0);
  });

  it('reads one key once at a time, counts a failed read and logs it', async () => {
    let release: (value: string) => void = () => undefined;
    const { reconciler, applied, logger } = setUp([], (key) => (key === 'bad' ? Promise.reject(new Error('503')) : new Promise((resolve) => (release = resolve))));
    const first = reconciler.one({ key: 'c-1', overdue: false }, 'refused');
    const second = reconciler.one({ key: 'c-1', overdue: false }, 'refused');
    expect(reconciler.inFlight()).toBe(1);
    release('fresh');
    await Promise.all([first, second]);
    await reconciler.one({ key: 'bad', overdue: false }, 'refused');
    expect(applied).toEqual(['fresh']);
    expect(reconciler.stats()).toEqual({ reconciled: 1, reconcileFailures: 1 });
    expect(logger.entries.filter((entry) => entry.level === 'warn')).toHaveLength(1);
  });

  it('applies nothing read after the adapter stopped', async () => {
    const { reconciler, applied, stopRunning } = setUp([]);
    const reading = reconciler.one({ key: 'c-1', overdue: false }, 'refused');
    stopRunning();
    await reading;
    expect(applied).toEqual([]);
  });
});

describe('isAwaitingVendorTooLong', () => {
  const afterMs = 60_000;
  it('waits afterMs since the last news, only in states the vendor must move', () => {
    expect(isAwaitingVendorTooLong({ state: 'dialing' }, { lastNewsAt: 0, now: 59_999, afterMs })).toBe(false);
    expect(isAwaitingVendorTooLong({ state: 'dialing' }, { lastNewsAt: 0, now: 60_000, afterMs })).toBe(true);
    expect(isAwaitingVendorTooLong({ state: 'connected' }, { lastNewsAt: 0, now: 600_000, afterMs })).toBe(false);
    expect(isAwaitingVendorTooLong({ state: 'previewing' }, { lastNewsAt: 0, now: 600_000, afterMs, requestPending: true })).toBe(true);
  });

  it('waits for an offer to expire and a retry to be due (plus afterMs)', () => {
    const offered = { state: 'offered' as const, offerExpiresAt: new Date(90_000).toISOString() };
    expect(isAwaitingVendorTooLong(offered, { lastNewsAt: 0, now: 89_999, afterMs })).toBe(false);
    expect(isAwaitingVendorTooLong(offered, { lastNewsAt: 0, now: 90_000, afterMs })).toBe(true);
    const waiting = { state: 'retry-wait' as const, nextRetryAt: new Date(100_000).toISOString() };
    expect(isAwaitingVendorTooLong(waiting, { lastNewsAt: 0, now: 159_999, afterMs })).toBe(false);
    expect(isAwaitingVendorTooLong(waiting, { lastNewsAt: 0, now: 160_000, afterMs })).toBe(true);
  });
});
