import type { Interaction } from '@icc/protocol';
import { createRefreshingValues, positionInQueue } from './refreshing-values';

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('createRefreshingValues', () => {
  it('answers from the last read, reads once per interval and key, and keeps the old value when a read fails', async () => {
    let now = 0;
    const errors: string[] = [];
    const values = createRefreshingValues<number>(30_000, (_error, key) => errors.push(key));
    const read = jest.fn(async () => 42);
    expect(values.get('q-1', read, () => now)).toBeUndefined();
    expect(values.get('q-1', read, () => now)).toBeUndefined();
    await settle();
    expect(values.get('q-1', read, () => now)).toBe(42);
    now = 29_999;
    values.get('q-1', read, () => now);
    expect(read).toHaveBeenCalledTimes(1);
    now = 30_000;
    values.get('q-1', () => Promise.reject(new Error('503')), () => now);
    await settle();
    expect(values.get('q-1', read, () => now)).toBe(42);
    expect(errors).toEqual(['q-1']);
    expect(read).toHaveBeenCalledTimes(1);
  });
});

describe('positionInQueue', () => {
  const queued = (id: string, requestedAt: string, queueId = 'q-1', state: Interaction['state'] = 'queued') => ({ id, requestedAt, queueId, state }) as Interaction;
  it('ranks the queued interactions of the same queue by request time', () => {
    const a = queued('ix-a', '2026-01-05T09:00:02Z');
    const b = queued('ix-b', '2026-01-05T09:00:01Z');
    const other = queued('ix-c', '2026-01-05T09:00:00Z', 'q-2');
    const offered = queued('ix-d', '2026-01-05T09:00:00Z', 'q-1', 'offered');
    const all = [a, b, other, offered];
    expect(positionInQueue(all, a)).toBe(2);
    expect(positionInQueue(all, b)).toBe(1);
    expect(positionInQueue(all, other)).toBe(1);
    expect(positionInQueue(all, offered)).toBeNull();
  });
});
