import type { DueColumns, DueTimer } from './due-timer';
import { typedArrayFor } from './typed-growth';

const MIN_CAPACITY = 16;

/**
 * The scheduled timers by slot number: due time and insertion order in typed arrays (what the
 * heap compares, with no object per timer), key and item in plain arrays. A released slot is
 * reused before a new one is made.
 */
export class TimerSlots<T> implements DueColumns {
  dueAt = new Float64Array(MIN_CAPACITY);
  seq = new Float64Array(MIN_CAPACITY);
  private keys: (string | undefined)[] = [];
  private items: (T | undefined)[] = [];
  /** The timers `handOut` gave so far, by slot: few (only `get` hands out before the drain). */
  private handedOut = new Map<number, DueTimer<T>>();
  private free: number[] = [];
  private nextSeq = 0;

  allocate(key: string, dueAt: number, item: T): number {
    const slot = this.free.pop() ?? this.keys.length;
    this.dueAt = typedArrayFor(this.dueAt, slot + 1);
    this.seq = typedArrayFor(this.seq, slot + 1);
    this.dueAt[slot] = dueAt;
    this.seq[slot] = this.nextSeq++;
    this.keys[slot] = key;
    this.items[slot] = item;
    return slot;
  }

  keyOf(slot: number): string {
    return this.keys[slot] as string;
  }

  /** The slot's timer as callers see it: the one `handOut` gave, else a new one. */
  timerAt(slot: number): DueTimer<T> {
    return this.handedOut.get(slot) ?? { key: this.keys[slot] as string, dueAt: this.dueAt[slot] as number, item: this.items[slot] as T };
  }

  /** The slot's timer, remembered so that asking again, and draining it, answer the same object. */
  handOut(slot: number): DueTimer<T> {
    const timer = this.timerAt(slot);
    this.handedOut.set(slot, timer);
    return timer;
  }

  /** Frees `slot` for reuse and lets go of its key, item and timer. */
  release(slot: number): void {
    this.keys[slot] = undefined;
    this.items[slot] = undefined;
    this.handedOut.delete(slot);
    this.free.push(slot);
  }

  /** Releases every slot and the memory of a large queue. */
  clear(): void {
    this.dueAt = new Float64Array(MIN_CAPACITY);
    this.seq = new Float64Array(MIN_CAPACITY);
    this.keys = [];
    this.items = [];
    this.handedOut = new Map();
    this.free = [];
  }
}
