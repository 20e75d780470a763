import { DueHeap } from './due-heap';
import type { DueTimer } from './due-timer';
import { KeySlotIndex, NOT_FOUND } from './key-slot-index';
import { dueOrder } from './sort-by-due';
import { TimerSlots } from './timer-slots';

export type { DueTimer } from './due-timer';

/**
 * Future items without a timer each: an indexed binary min-heap ordered by (dueAt, insertion
 * order). Every operation but `drainDue` is O(log n) or better (amortized).
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
 * Timers live in slots (typed arrays, no object per timer), found by key through an
 * open-addressing index and ordered by a heap of slot numbers. The `DueTimer` objects callers
 * see are made only when handed out.
 */
export function createTimerQueue<T>(): TimerQueue<T> {
  const slots = new TimerSlots<T>();
  const heap = new DueHeap(slots);
  const index = new KeySlotIndex(slots);

  const discard = (slot: number) => {
    heap.remove(slot);
    slots.release(slot);
  };

  /** The rest due by `now` in one pass and one sort, after the `drained` already popped (all earlier). */
  const drainInBulk = (now: number, drained: DueTimer<T>[]): DueTimer<T>[] => {
    const due = heap.takeDue(now);
    // Stryker disable next-line ArrayDeclaration: an array without a length grows to the same one
    const timers = new Array<DueTimer<T>>(due.length);
    // Stryker disable next-line EqualityOperator: the timer made one past the end is never read (dueOrder gives positions within)
    for (let position = 0; position < due.length; position++) timers[position] = slots.timerAt(due[position] as number);
    for (const position of dueOrder(due, slots)) drained.push(timers[position] as DueTimer<T>);
    // Stryker disable next-line ConditionalExpression: forgetting each key one by one empties them too; clearing only saves the work
    if (heap.length === 0) {
      index.clear();
      slots.clear();
      heap.clear();
    } else {
      for (const slot of due) {
        index.delete(slots.keyOf(slot));
        slots.release(slot);
      }
    }
    return drained;
  };

  return {
    get size() {
      return heap.length;
    },
    schedule(key, dueAt, item) {
      const slot = slots.allocate(key, dueAt, item);
      const previous = index.put(key, slot);
      if (previous !== NOT_FOUND) discard(previous);
      heap.append(slot);
    },
    cancel(key) {
      const slot = index.delete(key);
      if (slot === NOT_FOUND) return false;
      discard(slot);
      return true;
    },
    has: (key) => index.get(key) !== NOT_FOUND,
    get(key) {
      const slot = index.get(key);
      return slot === NOT_FOUND ? undefined : slots.handOut(slot);
    },
    dueAt(key) {
      const slot = index.get(key);
      // Stryker disable next-line ConditionalExpression: a typed array reads NOT_FOUND (-1) as undefined too; the test says what is meant
      return slot === NOT_FOUND ? undefined : slots.dueAt[slot];
    },
    peekDueAt() {
      if (heap.length === 0) return undefined;
      heap.settle();
      return slots.dueAt[heap.top()];
    },
    drainDue(now) {
      const drained: DueTimer<T>[] = [];
      // Many timers scheduled since the last read: one pass over them all beats heapifying them first.
      // Stryker disable next-line ConditionalExpression: settling and popping gives the same result; the choice is cost only
      if (heap.settlesByRebuild()) return drainInBulk(now, drained);
      heap.settle();
      // A pop costs about log2(n) sifts, a bulk drain about 2n: pop while that is cheaper.
      // Stryker disable next-line ArithmeticOperator: popping on or draining in bulk give the same result; the budget is cost only
      const popBudget = (2 * heap.length) / Math.log2(heap.length + 1);
      while (heap.length > 0 && (slots.dueAt[heap.top()] as number) <= now) {
        // Stryker disable next-line ConditionalExpression,EqualityOperator: popping on or draining in bulk give the same result; the budget is cost only
        if (drained.length > popBudget) return drainInBulk(now, drained);
        const slot = heap.top();
        drained.push(slots.timerAt(slot));
        index.delete(slots.keyOf(slot));
        discard(slot);
      }
      return drained;
    },
  };
}
