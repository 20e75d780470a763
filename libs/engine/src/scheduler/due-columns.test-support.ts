import type { DueColumns } from './due-timer';

/** Due times and insertion order for tests, one entry per slot: seq defaults to the slot number. */
export function columnsOf(dueTimes: readonly number[], seqs: readonly number[] = dueTimes.map((_, slot) => slot)): DueColumns {
  return { dueAt: Float64Array.from(dueTimes), seq: Float64Array.from(seqs) };
}

/** The slots of `columns` in (dueAt, seq) order, the slow obvious way. */
export function sortedSlots(slots: readonly number[], { dueAt, seq }: DueColumns): number[] {
  return [...slots].sort((a, b) => (dueAt[a] as number) - (dueAt[b] as number) || (seq[a] as number) - (seq[b] as number));
}

/** mulberry32: a small deterministic generator, so a failing random case can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}
