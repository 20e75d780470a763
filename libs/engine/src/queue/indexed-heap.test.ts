import fc from 'fast-check';
import { createIndexedHeap } from './indexed-heap';

interface Ranked {
  key: string;
  rank: number;
}

const byRankThenKey = (a: Ranked, b: Ranked) => a.rank < b.rank || (a.rank === b.rank && a.key < b.key);
const compare = (a: Ranked, b: Ranked) => (byRankThenKey(a, b) ? -1 : byRankThenKey(b, a) ? 1 : 0);
const newHeap = () => createIndexedHeap<Ranked>({ keyOf: (item) => item.key, precedes: byRankThenKey });

describe('createIndexedHeap', () => {
  it('pops in order and replaces an item pushed again under its key', () => {
    const heap = newHeap();
    heap.push({ key: 'a', rank: 3 });
    heap.push({ key: 'b', rank: 1 });
    heap.push({ key: 'a', rank: 0 });

    expect(heap.size).toBe(2);
    expect(heap.get('a')).toEqual({ key: 'a', rank: 0 });
    expect(heap.pop()).toEqual({ key: 'a', rank: 0 });
    expect(heap.pop()).toEqual({ key: 'b', rank: 1 });
    expect(heap.pop()).toBeUndefined();
  });

  it('walks in order lazily without changing the heap', () => {
    const heap = newHeap();
    for (const rank of [5, 3, 8, 1, 9, 2]) heap.push({ key: `k${rank}`, rank });

    const walk = heap.ordered();
    expect(walk.next().value).toEqual({ key: 'k1', rank: 1 });
    expect(walk.next().value).toEqual({ key: 'k2', rank: 2 });
    expect(heap.size).toBe(6);
    expect([...heap.ordered()].map((item) => item.rank)).toEqual([1, 2, 3, 5, 8, 9]);
  });

  it('walks a larger heap completely in order, whichever child of the walk comes first', () => {
    const heap = newHeap();
    const ranks = [13, 2, 17, 7, 11, 0, 19, 5, 3, 16, 9, 1, 14, 6, 18, 4, 10, 15, 8, 12];
    for (const rank of ranks) heap.push({ key: `k${rank}`, rank });
    expect([...heap.ordered()].map((item) => item.rank)).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('keeps heap order through any mix of pushes, removals and pops', () => {
    const operation = fc.oneof(
      fc.record({ type: fc.constant('push' as const), key: fc.integer({ min: 0, max: 40 }), rank: fc.integer({ min: 0, max: 10 }) }),
      fc.record({ type: fc.constant('remove' as const), key: fc.integer({ min: 0, max: 40 }) }),
      fc.record({ type: fc.constant('pop' as const) }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 300, size: 'max' }), (operations) => {
        const heap = newHeap();
        const model = new Map<string, Ranked>();
        for (const operation of operations) {
          if (operation.type === 'push') {
            const item = { key: `k${operation.key}`, rank: operation.rank };
            heap.push(item);
            model.set(item.key, item);
          } else if (operation.type === 'remove') {
            expect(heap.remove(`k${operation.key}`)).toEqual(model.get(`k${operation.key}`));
            model.delete(`k${operation.key}`);
          } else {
            const expected = [...model.values()].sort(compare)[0];
            expect(heap.pop()).toEqual(expected);
            if (expected) model.delete(expected.key);
          }
        }
        const sorted = [...model.values()].sort(compare);
        expect([...heap.ordered()]).toEqual(sorted);
        expect(heap.size).toBe(model.size);
        const popped: Ranked[] = [];
        for (let item = heap.pop(); item; item = heap.pop()) popped.push(item);
        expect(popped).toEqual(sorted);
      }),
    );
  });
});
