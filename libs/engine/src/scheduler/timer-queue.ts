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
  /** The scheduled timer itself (no copy): it never changes once scheduled. */
  get(key: string): DueTimer<T> | undefined;
  /** When `key` falls due, or undefined when it is not scheduled. */
  dueAt(key: string): number | undefined;
  /** The earliest due time, or undefined when empty. */
  peekDueAt(): number | undefined;
  /** Removes and returns every item with `dueAt <= now`, in due order. */
  drainDue(now: number): DueTimer<T>[];
}

/**
 * The heap node is the `DueTimer` handed out: no copy on `get` or `drainDue`. Its bookkeeping
 * (insertion order, heap position) lives in private fields, so callers see only key, dueAt, item.
 */
class TimerEntry<T> implements DueTimer<T> {
  #seq: number;
  #index: number;

  constructor(
    readonly key: string,
    readonly dueAt: number,
    readonly item: T,
    seq: number,
    index: number,
  ) {
    this.#seq = seq;
    this.#index = index;
  }

  static precedes<T>(a: TimerEntry<T>, b: TimerEntry<T>): boolean {
    // Stryker disable next-line EqualityOperator: two entries never share a seq (nextSeq++), so < and <= agree
    return a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.#seq < b.#seq);
  }

  static compare<T>(a: TimerEntry<T>, b: TimerEntry<T>): number {
    return a.dueAt - b.dueAt || a.#seq - b.#seq;
  }

  static indexOf<T>(entry: TimerEntry<T>): number {
    return entry.#index;
  }

  static place<T>(heap: TimerEntry<T>[], entry: TimerEntry<T>, index: number): void {
    heap[index] = entry;
    entry.#index = index;
  }
}

const { precedes, compare, indexOf, place } = TimerEntry;

/**
 * `due` in (dueAt, insertion) order. When every (dueAt offset, position) pair packs exactly into
 * a double, a native typed-array sort (no comparator calls) orders by dueAt; the rare runs of
 * equal dueAt are then put in insertion order. Otherwise an ordinary comparator sort.
 */
function sortByDue<T>(due: TimerEntry<T>[]): TimerEntry<T>[] {
  const count = due.length;
  let minDue = Infinity;
  // Stryker disable next-line UnaryOperator: the bounds only choose between the packed and the comparator sort, which give the same order
  let maxDue = -Infinity;
  // Stryker disable next-line BlockStatement: the bounds only choose between the packed and the comparator sort, which give the same order
  for (const entry of due) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the bounds only choose between the packed and the comparator sort, which give the same order
    if (entry.dueAt < minDue) minDue = entry.dueAt;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the bounds only choose between the packed and the comparator sort, which give the same order
    if (entry.dueAt > maxDue) maxDue = entry.dueAt;
  }
  // Stryker disable next-line ArithmeticOperator: the bounds only choose between the packed and the comparator sort, which give the same order (a larger span only falls back sooner)
  const span = maxDue - minDue + 1;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: always falling back gives the same order; exactly MAX_SAFE_INTEGER still packs exactly
  if (!Number.isSafeInteger(minDue) || !Number.isSafeInteger(maxDue) || span * count > Number.MAX_SAFE_INTEGER) return due.sort(compare);
  const packed = new Float64Array(count);
  for (let index = 0; index < count; index++) packed[index] = ((due[index] as TimerEntry<T>).dueAt - minDue) * count + index;
  packed.sort();
  // Stryker disable next-line ArrayDeclaration: preallocation only, every slot is written below
  const sorted = new Array<TimerEntry<T>>(count);
  for (let index = 0; index < count; index++) sorted[index] = due[(packed[index] as number) % count] as TimerEntry<T>;
  let runStart = 0;
  for (let index = 1; index <= count; index++) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: cutting runs elsewhere only re-sorts slices already in dueAt order with the same comparator
    if (index < count && (sorted[index] as TimerEntry<T>).dueAt === (sorted[runStart] as TimerEntry<T>).dueAt) continue;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: sorting a run of one (or a longer slice) with the comparator changes nothing
    if (index - runStart > 1) {
      const run = sorted.slice(runStart, index).sort(compare);
      for (let offset = 0; offset < run.length; offset++) sorted[runStart + offset] = run[offset] as TimerEntry<T>;
    }
    runStart = index;
  }
  return sorted;
}

export function createTimerQueue<T>(): TimerQueue<T> {
  let heap: TimerEntry<T>[] = [];
  const byKey = new Map<string, TimerEntry<T>>();
  let nextSeq = 0;

  const siftUp = (start: number) => {
    const entry = heap[start] as TimerEntry<T>;
    let index = start;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = heap[parentIndex] as TimerEntry<T>;
      if (!precedes(entry, parent)) break;
      place(heap, parent, index);
      index = parentIndex;
    }
    place(heap, entry, index);
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
      place(heap, childEntry, index);
      index = child;
    }
    place(heap, entry, index);
  };

  const removeAt = (index: number): TimerEntry<T> => {
    const removed = heap[index] as TimerEntry<T>;
    const last = heap.pop() as TimerEntry<T>;
    if (index < heap.length) {
      place(heap, last, index);
      if (index > 0 && precedes(last, heap[(index - 1) >> 1] as TimerEntry<T>)) siftUp(index);
      else siftDown(index);
    }
    byKey.delete(removed.key);
    return removed;
  };

  /** The due entries, found by walking only the part of the heap at or before `now`. */
  const collectDue = (now: number): TimerEntry<T>[] => {
    const due: TimerEntry<T>[] = [];
    // Stryker disable next-line ArrayDeclaration: with nothing collected the drain pops one at a time, the same result
    const pending = [0];
    // Stryker disable next-line EqualityOperator: with nothing collected the drain pops one at a time, the same result
    while (pending.length > 0) {
      const index = pending.pop() as number;
      const entry = heap[index];
      // Stryker disable next-line EqualityOperator: with nothing collected the drain pops one at a time, the same result
      if (entry === undefined || entry.dueAt > now) continue;
      due.push(entry);
      pending.push(2 * index + 1, 2 * index + 2);
    }
    return due;
  };

  /** Many due at once: one sort and one heap rebuild beat a pop (log n sift) per item. */
  const drainInBulk = (due: TimerEntry<T>[], now: number): TimerEntry<T>[] => {
    // Stryker disable next-line ConditionalExpression: filtering a heap whose entries are all due leaves it empty too, the shortcut only saves the filter
    if (due.length === heap.length) {
      heap = [];
      byKey.clear();
    } else {
      for (const entry of due) byKey.delete(entry.key);
      const remaining = heap.filter((entry) => entry.dueAt > now);
      heap = remaining;
      for (let index = 0; index < remaining.length; index++) place(heap, remaining[index] as TimerEntry<T>, index);
      for (let index = (remaining.length >> 1) - 1; index >= 0; index--) siftDown(index);
    }
    return sortByDue(due);
  };

  return {
    get size() {
      return heap.length;
    },
    schedule(key, dueAt, item) {
      const existing = byKey.get(key);
      if (existing) removeAt(indexOf(existing));
      const entry = new TimerEntry(key, dueAt, item, nextSeq++, heap.length);
      heap.push(entry);
      byKey.set(key, entry);
      siftUp(heap.length - 1);
    },
    cancel(key) {
      const existing = byKey.get(key);
      if (!existing) return false;
      removeAt(indexOf(existing));
      return true;
    },
    has: (key) => byKey.has(key),
    get: (key) => byKey.get(key),
    dueAt: (key) => byKey.get(key)?.dueAt,
    peekDueAt: () => heap[0]?.dueAt,
    drainDue(now) {
      const first = heap[0];
      if (first === undefined) return [];
      // Stryker disable next-line ConditionalExpression: with nothing due the drain below collects nothing and pops nothing; the early return only saves the work
      if (first.dueAt > now) return [];
      // A pop costs about log2(n) sifts; a rebuild about 2n: pop while that is cheaper.
      const due = collectDue(now);
      // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: bulk drain and one pop at a time give the same result (the property test compares them); the threshold is cost only
      if (due.length * Math.log2(heap.length + 1) > 2 * heap.length) return drainInBulk(due, now);
      const drained: TimerEntry<T>[] = [];
      while (heap.length > 0 && (heap[0] as TimerEntry<T>).dueAt <= now) drained.push(removeAt(0));
      return drained;
    },
  };
}
