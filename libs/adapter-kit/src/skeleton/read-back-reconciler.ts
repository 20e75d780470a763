import type { Clock, Logger } from '@icc/core';
import { INTERACTION_STATE_TRAITS, type Interaction } from '@icc/protocol';

export interface ReadBackReconcilerOptions<Item, Snapshot> {
  /** Names the adapter in logs. */
  vendor: string;
  /** The vendor's id of the item's work (conversation, contact); undefined when not linked yet (nothing to read). */
  keyOf(item: Item): string | undefined;
  /** The items that may need reading back (the open ones). */
  open(): Item[];
  /** Whether the periodic sweep reads this item back now. */
  isOverdue(item: Item, now: number): boolean;
  read(key: string): Promise<Snapshot>;
  /** Applies a snapshot just read (on the adapter's ordered queue), as if it had been notified. */
  apply(snapshot: Snapshot): Promise<unknown>;
  clock: Clock;
  logger: Logger;
  /** The sweep runs this often. */
  sweepEveryMs: number;
  /** False once the adapter stopped. */
  isRunning(): boolean;
  parallel?: number;
}

export interface ReconcilerStats {
  /** Items read back because the adapter may have missed a change. */
  reconciled: number;
  reconcileFailures: number;
}

export interface ReadBackReconciler<Item> {
  /** Reads back every open item: at start, and after the event stream was replaced. */
  everything(reason: string): Promise<void>;
  /** Reads back one item (at most one read per key at a time), e.g. after the vendor refused a command. */
  one(item: Item, reason: string): Promise<void>;
  /** Starts the periodic sweep of overdue items. */
  start(): void;
  stop(): void;
  stats(): ReconcilerStats;
  /** Read-backs not applied yet. */
  inFlight(): number;
}

/**
 * Catches an adapter up with its vendor when events may have been missed (event streams rarely
 * guarantee delivery, and a replaced socket loses what happened while it was down): the item's
 * current state is read and applied like an event, and the adapter's ordering drops it if newer
 * news got there first.
 */
export function createReadBackReconciler<Item, Snapshot>(options: ReadBackReconcilerOptions<Item, Snapshot>): ReadBackReconciler<Item> {
  const stats: ReconcilerStats = { reconciled: 0, reconcileFailures: 0 };
  const inFlight = new Set<string>();
  let cancelSweep: (() => void) | undefined;

  const one = async (item: Item, reason: string): Promise<void> => {
    const key = options.keyOf(item);
    if (key === undefined || inFlight.has(key) || !options.isRunning()) return;
    inFlight.add(key);
    try {
      const snapshot = await options.read(key);
      stats.reconciled += 1;
      if (options.isRunning()) await options.apply(snapshot);
    } catch (error) {
      stats.reconcileFailures += 1;
      options.logger.warn({ err: error, key, reason }, `${options.vendor}: could not read back the vendor's state`);
    } finally {
      inFlight.delete(key);
    }
  };

  const all = async (items: Item[], reason: string): Promise<void> => {
    let next = 0;
    const worker = async () => {
      while (next < items.length) await one(items[next++] as Item, reason);
    };
    await Promise.all(Array.from({ length: Math.min(options.parallel ?? 4, items.length) }, worker));
  };

  const sweep = () => {
    cancelSweep = options.clock.setTimer(options.clock.now() + options.sweepEveryMs, () => {
      cancelSweep = undefined;
      if (!options.isRunning()) return;
      const now = options.clock.now();
      void all(options.open().filter((item) => options.isOverdue(item, now)), 'no news while waiting on the vendor').finally(() => {
        if (options.isRunning() && cancelSweep === undefined) sweep();
      });
    });
  };

  return {
    everything: (reason) => all(options.open(), reason),
    one,
    start: () => {
      if (cancelSweep === undefined) sweep();
    },
    stop: () => {
      cancelSweep?.();
      cancelSweep = undefined;
    },
    stats: () => ({ ...stats }),
    inFlight: () => inFlight.size,
  };
}

/**
 * Whether an interaction has waited on its vendor without news for `afterMs`: in a state whose
 * next step only the vendor can take (the `awaitsVendor` trait) or with a request pending there,
 * and past the deadline of that step (an offer's expiry, a retry's due time) when it has one.
 */
export function isAwaitingVendorTooLong(
  view: Pick<Interaction, 'state' | 'offerExpiresAt' | 'nextRetryAt'>,
  { lastNewsAt, now, afterMs, requestPending = false }: { lastNewsAt: number | undefined; now: number; afterMs: number; requestPending?: boolean },
): boolean {
  if (!(INTERACTION_STATE_TRAITS[view.state].awaitsVendor || requestPending)) return false;
  if (now - (lastNewsAt ?? 0) < afterMs) return false;
  if (view.state === 'offered') return view.offerExpiresAt === undefined || Date.parse(view.offerExpiresAt) <= now;
  if (view.state === 'retry-wait') return view.nextRetryAt === undefined || Date.parse(view.nextRetryAt) + afterMs <= now;
  return true;
}
