/** One scheduled item as handed back when it falls due. */
export interface DueTimer<T> {
  readonly key: string;
  readonly dueAt: number;
  readonly item: T;
}

/**
 * Future items without a timer each: an indexed binary min-heap ordered by (dueAt, insertion
 * order). Every operation but `drainDue` is O(log n) or better.
 */
export interface TimerQueue<T> {
  readonly size: number;
  /** Adds `item` due at `dueAt`; an existing `key` is replaced (and counts as inserted now). */
  schedule(key: string, dueAt: number, item: T): void;
  /** Removes `key`; false when it was not scheduled. */
  cancel(key: string): boolean;
  has(key: string): boolean;
  get(key: string): DueTimer<T> | undefined;
  /** The earliest due time, or undefined when empty. */
  peekDueAt(): number | undefined;
  /** Removes and returns every item with `dueAt <= now`, in due order. */
  drainDue(now: number): DueTimer<T>[];
}

// One small object per item (no closures); `index` lets a swap update the position without
// re-hashing the key in the map.
interface TimerEntry<T> extends DueTimer<T> {
  readonly seq: number;
  index: number;
}

export function createTimerQueue<T>(): TimerQueue<T> {
  const heap: TimerEntry<T>[] = [];
  const byKey = new Map<string, TimerEntry<T>>();
  let nextSeq = 0;

  const precedes = (a: TimerEntry<T>, b: TimerEntry<T>) => a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.seq < b.seq);

  const place = (entry: TimerEntry<T>, index: number) => {
    heap[index] = entry;
    entry.index = index;
  };

  const siftUp = (start: number) => {
    const entry = heap[start] as TimerEntry<T>;
    let index = start;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = heap[parentIndex] as TimerEntry<T>;
      if (!precedes(entry, parent)) break;
      place(parent, index);
      index = parentIndex;
    }
    place(entry, index);
  };

  const siftDown = (start: number) => {
    const entry = heap[start] as TimerEntry<T>;
    const length = heap.length;
    let index = start;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= length) break;
      const right = left + 1;
      let child = left;
      if (right < length && precedes(heap[right] as TimerEntry<T>, heap[left] as TimerEntry<T>)) child = right;
      const childEntry = heap[child] as TimerEntry<T>;
      if (!precedes(childEntry, entry)) break;
      place(childEntry, index);
      index = child;
    }
    place(entry, index);
  };

  const removeAt = (index: number): TimerEntry<T> => {
    const removed = heap[index] as TimerEntry<T>;
    const last = heap.pop() as TimerEntry<T>;
    if (index < heap.length) {
      place(last, index);
      if (index > 0 && precedes(last, heap[(index - 1) >> 1] as TimerEntry<T>)) siftUp(index);
      else siftDown(index);
    }
    byKey.delete(removed.key);
    removed.index = -1;
    return removed;
  };

  return {
    get size() {
      return heap.length;
    },
    schedule(key, dueAt, item) {
      const existing = byKey.get(key);
      if (existing) removeAt(existing.index);
      const entry: TimerEntry<T> = { key, dueAt, item, seq: nextSeq++, index: heap.length };
      heap.push(entry);
      byKey.set(key, entry);
      siftUp(entry.index);
    },
    cancel(key) {
      const existing = byKey.get(key);
      if (!existing) return false;
      removeAt(existing.index);
      return true;
    },
    has: (key) => byKey.has(key),
    get(key) {
      const entry = byKey.get(key);
      return entry && { key: entry.key, dueAt: entry.dueAt, item: entry.item };
    },
    peekDueAt: () => heap[0]?.dueAt,
    drainDue(now) {
      const due: DueTimer<T>[] = [];
      while (heap.length > 0 && (heap[0] as TimerEntry<T>).dueAt <= now) {
        const entry = removeAt(0);
        due.push({ key: entry.key, dueAt: entry.dueAt, item: entry.item });
      }
      return due;
    },
  };
}
