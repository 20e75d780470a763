import type { AsyncEventStore } from '@icc/core';

/**
 * The first `seq` whose event happened at or after `fromMs`, by binary search over the log (events
 * are appended in time order); `headSeq + 1` when none did. Reads one event per step.
 */
export async function firstSeqSince(store: AsyncEventStore, fromMs: number): Promise<number> {
  let low = 1;
  let high = (await store.headSeq()) + 1;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    const event = (await store.readAfter(middle - 1, 1))[0];
    if (event && Date.parse(event.at) >= fromMs) high = middle;
    else low = middle + 1;
  }
  return low;
}
