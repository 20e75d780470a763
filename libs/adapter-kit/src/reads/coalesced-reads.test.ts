import { createFakeClock } from '@icc/core';
import { createCoalescedReads } from './coalesced-reads';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

function readsWith(options: { fail?: boolean } = {}) {
  const clock = createFakeClock('2026-03-10T14:00:00Z');
  const requests: Array<{ at: number; keys: string[] }> = [];
  let answer = 1;
  const reads = createCoalescedReads<number>({
    clock,
    refreshAfterMs: 10_000,
    quota: { perSecond: 2, burst: 5 },
    read: async (keys) => {
      requests.push({ at: clock.now(), keys });
      if (options.fail) throw new Error('throttled');
      const value = answer++;
      return new Map(keys.filter((key) => key !== 'empty').map((key) => [key, value]));
    },
  });
  return { clock, reads, requests };
}

describe('createCoalescedReads', () => {
  it('reads every key asked for in the same turn in one request, then answers from the cache until it is stale', async () => {
    const { clock, reads, requests } = readsWith();
    expect([reads.get('queue-a'), reads.get('queue-b'), reads.get('queue-a')]).toEqual([undefined, undefined, undefined]);
    await turn();
    expect(requests).toEqual([{ at: clock.now(), keys: ['queue-a', 'queue-b'] }]);
    expect([reads.get('queue-a'), reads.get('queue-b'), reads.get('empty')]).toEqual([1, 1, undefined]);
    await turn();
    clock.advance(9_999);
    expect(reads.get('queue-a')).toBe(1);
    await turn();
    expect(requests.map((request) => request.keys)).toEqual([['queue-a', 'queue-b'], ['empty']]);
    clock.advance(1);
    reads.get('queue-a');
    await turn();
    expect(requests).toHaveLength(3);
    expect(reads.get('queue-a')).toBe(3);
  });

  it('never asks for a key that is being read', async () => {
    const { reads, requests } = readsWith();
    reads.get('queue-a');
    await Promise.resolve();
    reads.get('queue-a');
    await turn();
    expect(requests).toHaveLength(1);
  });

  it('stays within the quota: a burst of 5, then 2 requests per second, collecting the keys asked for while it waits', async () => {
    const { clock, reads, requests } = readsWith();
    for (let index = 0; index < 8; index++) {
      reads.get(`queue-${index}`);
      await turn();
    }
    expect(requests.map((request) => request.keys)).toEqual([['queue-0'], ['queue-1'], ['queue-2'], ['queue-3'], ['queue-4']]);
    clock.advance(499);
    await turn();
    expect(requests).toHaveLength(5);
    clock.advance(1);
    await turn();
    expect(requests.at(-1)).toEqual({ at: clock.now(), keys: ['queue-5', 'queue-6', 'queue-7'] });
  });

  it('keeps the previous value when a read fails, and reads again once stale', async () => {
    const { clock, reads, requests } = readsWith({ fail: true });
    reads.get('queue-a');
    await turn();
    expect(reads.get('queue-a')).toBeUndefined();
    await turn();
    expect(requests).toHaveLength(1);
    clock.advance(10_000);
    reads.get('queue-a');
    await turn();
    expect(requests).toHaveLength(2);
  });

  it('clear() cancels a read waiting for the quota', async () => {
    const { clock, reads, requests } = readsWith();
    for (let index = 0; index < 6; index++) {
      reads.get(`queue-${index}`);
      await turn();
    }
    reads.clear();
    clock.advance(60_000);
    await turn();
    expect(requests).toHaveLength(5);
  });
});
