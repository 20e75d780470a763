import type { DueColumns } from './due-timer';

/** Due times and insertion order for tests, one entry per slot: seq defaults to the slot number. */
export function columnsOf(dueTimes: readonly number[], seqs: readonly number[] = dueTimes.map((_, slot) => slot)): DueColumns {
  return { dueAt: Float64Array.from(dueTimes), seq: Float64Array.from(seqs) };
}

/** The slots of `columns` in (dueAt, seq) order, the slow obvious way. */
export function sortedSlots(slots: readonly number[], { dueAt, seq }: DueColumns): number[] {
  return [...slots].sort((a, b) => (dueAt[a] as number) - (dueAt[b] as number) || (seq[a] as number) - (seq[b] as number));
}
