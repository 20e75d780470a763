import { hashString } from './string-hash';

/** What `get`, `put` and `delete` answer for a key the index does not hold. */
export const NOT_FOUND = -1;
const EMPTY = 0;
const DELETED = -1;
const MIN_CAPACITY = 16;

/** Where the index reads the key a slot holds: the keys live with the timers, not twice. */
export interface SlotKeys {
  keyOf(slot: number): string | undefined;
}

/**
 * key → slot number: an open-addressing hash table with linear probing, so a million keys cost one
 * flat Int32Array rather than a Map entry each. Each table entry is two adjacent ints, the key's
 * hash and slot + 1 (0 for EMPTY, so a fresh array is all empty; -1 for DELETED), so a probe reads
 * one cache line and only a matching hash looks the key up. A deleted key leaves a tombstone (the
 * probe chains through it stay intact); an insert reuses it, and a rehash drops them all. Live
 * entries and tombstones together never fill more than half the table.
 */
export class KeySlotIndex {
  private entries = new Int32Array(2 * MIN_CAPACITY);
  private live = 0;
  /** Entries that are not EMPTY: live ones and tombstones. */
  private used = 0;

  constructor(private readonly slotKeys: SlotKeys) {}

  get size(): number {
    return this.live;
  }

  get capacity(): number {
    return this.entries.length / 2;
  }

  get(key: string): number {
    const at = this.find(key, hashString(key) | 0);
    return at === NOT_FOUND ? NOT_FOUND : (this.entries[at + 1] as number) - 1;
  }

  /** Points `key` at `slot`; returns the slot it pointed at before, or NOT_FOUND when it is new. */
  put(key: string, slot: number): number {
    if ((this.used + 1) * 2 > this.capacity) this.rehash();
    const { entries } = this;
    const hash = hashString(key) | 0;
    const mask = entries.length - 1;
    let at = (hash << 1) & mask;
    let tombstone = NOT_FOUND;
    for (;;) {
      const held = entries[at + 1] as number;
      if (held === EMPTY) break;
      if (held === DELETED) {
        // Stryker disable next-line ConditionalExpression: any tombstone on the chain will do; the first keeps the chain short
        if (tombstone === NOT_FOUND) tombstone = at;
      } else if (this.holds(at, key, hash)) {
        entries[at + 1] = slot + 1;
        return held - 1;
      }
      at = (at + 2) & mask;
    }
    if (tombstone === NOT_FOUND) this.used++;
    else at = tombstone;
    entries[at] = hash;
    entries[at + 1] = slot + 1;
    this.live++;
    return NOT_FOUND;
  }

  /** Removes `key`; returns the slot it pointed at, or NOT_FOUND. Call it while the slot still holds the key. */
  delete(key: string): number {
    const at = this.find(key, hashString(key) | 0);
    if (at === NOT_FOUND) return NOT_FOUND;
    const slot = (this.entries[at + 1] as number) - 1;
    this.entries[at + 1] = DELETED;
    this.live--;
    return slot;
  }

  clear(): void {
    this.entries = new Int32Array(2 * MIN_CAPACITY);
    this.live = 0;
    this.used = 0;
  }

  /** Where `key` is in the table, or NOT_FOUND. */
  private find(key: string, hash: number): number {
    const { entries } = this;
    const mask = entries.length - 1;
    let at = (hash << 1) & mask;
    for (;;) {
      const held = entries[at + 1] as number;
      if (held === EMPTY) return NOT_FOUND;
      // Stryker disable next-line ConditionalExpression: a tombstone's slot (-2) holds no key, so it never matches anyway
      if (held !== DELETED && this.holds(at, key, hash)) return at;
      at = (at + 2) & mask;
    }
  }

  /** Whether the live entry at `at` is `key`. */
  private holds(at: number, key: string, hash: number): boolean {
    // Stryker disable next-line ConditionalExpression: the hash only spares looking up keys that differ
    return this.entries[at] === hash && this.slotKeys.keyOf((this.entries[at + 1] as number) - 1) === key;
  }

  /** Drops the tombstones, in a table twice as large unless the live keys fill at most a quarter. */
  private rehash(): void {
    const old = this.entries;
    const capacity = (this.live + 1) * 4 > this.capacity ? this.capacity * 2 : this.capacity;
    const entries = new Int32Array(2 * capacity);
    const mask = entries.length - 1;
    for (let from = 0; from < old.length; from += 2) {
      const held = old[from + 1] as number;
      // Stryker disable next-line EqualityOperator: copying an EMPTY entry writes an empty entry
      if (held <= EMPTY) continue;
      const hash = old[from] as number;
      let at = (hash << 1) & mask;
      while (entries[at + 1] !== EMPTY) at = (at + 2) & mask;
      entries[at] = hash;
      entries[at + 1] = held;
    }
    this.entries = entries;
    this.used = this.live;
  }
}
