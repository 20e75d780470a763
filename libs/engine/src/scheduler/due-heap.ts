import type { DueColumns } from './due-timer';
import { typedArrayFor } from './typed-growth';

const MIN_CAPACITY = 16;

/**
 * Slot numbers in a binary min-heap by (dueAt, seq), with each slot's position so any slot can be
 * removed in O(log n). Appends are not sifted in at once: they wait at the end until the order is
 * needed (`settle`), and a long run of them is then heapified once (Floyd, O(n)) rather than
 * sifted up one by one.
 */
export class DueHeap {
  /** position → slot */
  private order = new Int32Array(MIN_CAPACITY);
  /** slot → position */
  private positions = new Int32Array(MIN_CAPACITY);
  private count = 0;
  /** order[0, settled) is a heap; order[settled, count) was appended since. */
  private settled = 0;

  constructor(private readonly columns: DueColumns) {}

  get length(): number {
    return this.count;
  }

  append(slot: number): void {
    this.order = typedArrayFor(this.order, this.count + 1);
    this.positions = typedArrayFor(this.positions, slot + 1);
    this.place(slot, this.count++);
  }

  /** Whether `settle` would heapify everything: the appended slots would cost more sifted in one by one. */
  settlesByRebuild(): boolean {
    return (this.count - this.settled) * Math.log2(this.count + 1) > 2 * this.count;
  }

  settle(): void {
    // Stryker disable next-line ConditionalExpression: both ways give a valid heap; the choice is cost only
    if (this.settlesByRebuild()) this.heapify();
    else for (let at = this.settled; at < this.count; at++) this.siftUp(at);
    this.settled = this.count;
  }

  /** The earliest slot. Only on a settled, non-empty heap. */
  top(): number {
    return this.order[0] as number;
  }

  /** Removes `slot`, which must be in the heap. */
  remove(slot: number): void {
    this.settle();
    const at = this.positions[slot] as number;
    const last = this.order[--this.count] as number;
    this.settled = this.count;
    // When `slot` was the last, this puts it back where it was, outside the heap, and neither sift moves it.
    this.place(last, at);
    this.siftUp(at);
    this.siftDown(this.positions[last] as number);
  }

  /** Takes out every slot due by `now`, in no particular order, and heapifies the rest: O(n), settled or not. */
  takeDue(now: number): Int32Array {
    const { dueAt } = this.columns;
    const due = new Int32Array(this.count);
    let taken = 0;
    let kept = 0;
    for (let at = 0; at < this.count; at++) {
      const slot = this.order[at] as number;
      if ((dueAt[slot] as number) <= now) due[taken++] = slot;
      else this.place(slot, kept++);
    }
    this.count = kept;
    this.heapify();
    this.settled = kept;
    return due.subarray(0, taken);
  }

  /** Empties the heap and lets go of the memory of a large one. */
  clear(): void {
    this.order = new Int32Array(MIN_CAPACITY);
    this.positions = new Int32Array(MIN_CAPACITY);
    this.count = 0;
    this.settled = 0;
  }

  private heapify(): void {
    // Stryker disable next-line ArithmeticOperator: starting one further down sifts a leaf, which stays where it is
    for (let at = (this.count >> 1) - 1; at >= 0; at--) this.siftDown(at);
  }

  private siftUp(start: number): void {
    const slot = this.order[start] as number;
    let at = start;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: above the root the parent reads as undefined, which precedes nothing, so the loop stops there anyway
    while (at > 0) {
      const parentAt = (at - 1) >> 1;
      const parent = this.order[parentAt] as number;
      if (!this.precedes(slot, parent)) break;
      this.place(parent, at);
      at = parentAt;
    }
    this.place(slot, at);
  }

  private siftDown(start: number): void {
    const slot = this.order[start] as number;
    let at = start;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= this.count) break;
      const right = left + 1;
      let child = left;
      if (right < this.count && this.precedes(this.order[right] as number, this.order[left] as number)) child = right;
      const childSlot = this.order[child] as number;
      if (!this.precedes(childSlot, slot)) break;
      this.place(childSlot, at);
      at = child;
    }
    this.place(slot, at);
  }

  private precedes(a: number, b: number): boolean {
    const { dueAt, seq } = this.columns;
    const dueA = dueAt[a] as number;
    const dueB = dueAt[b] as number;
    // Stryker disable next-line EqualityOperator: two slots in the heap never share a seq, so < and <= agree
    return dueA < dueB || (dueA === dueB && (seq[a] as number) < (seq[b] as number));
  }

  private place(slot: number, at: number): void {
    this.order[at] = slot;
    this.positions[slot] = at;
  }
}
