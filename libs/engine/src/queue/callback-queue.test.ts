import fc from 'fast-check';
import type { CallbackQueueItem } from './callback-queue-item';
import { createCallbackQueue } from './callback-queue';

const asap = (id: string, requestedAt: number, expireAt?: number): CallbackQueueItem => ({ id, requestedAt, kind: 'asap', expireAt });
const scheduled = (id: string, requestedAt: number, startAt: number, windowEnd?: number, expireAt?: number): CallbackQueueItem => ({
  id,
  requestedAt,
  kind: 'scheduled',
  startAt,
  windowEnd,
  expireAt,
});

const ids = (items: readonly CallbackQueueItem[]) => items.map((item) => item.id);

describe('createCallbackQueue', () => {
  it('serves ASAP items first come first served, ties in insertion order', () => {
    const queue = createCallbackQueue();
    queue.enqueue(asap('late', 300));
    queue.enqueue(asap('tie-1', 100));
    queue.enqueue(asap('tie-2', 100));
    queue.enqueue(asap('early', 50));

    expect(ids(queue.items(1000))).toEqual(['early', 'tie-1', 'tie-2', 'late']);
    expect(queue.dequeue(1000)?.id).toBe('early');
    expect(queue.dequeue(1000)?.id).toBe('tie-1');
    expect(queue.size).toBe(2);
  });

  it('places an eligible scheduled item by its start time', () => {
    const queue = createCallbackQueue();
    queue.enqueue(asap('asap-100', 100));
    queue.enqueue(scheduled('booked-long-ago', 0, 200, 10_000));
    queue.enqueue(asap('asap-300', 300));

    expect(ids(queue.items(400))).toEqual(['asap-100', 'booked-long-ago', 'asap-300']);
  });

  it('puts overdue scheduled items first, ordered by window end then request time', () => {
    const queue = createCallbackQueue();
    queue.enqueue(asap('asap', 0));
    queue.enqueue(scheduled('ends-600', 20, 100, 600));
    queue.enqueue(scheduled('ends-500-later-request', 30, 100, 500));
    queue.enqueue(scheduled('ends-500', 10, 150, 500));

    expect(queue.peek(499)?.id).toBe('asap');
    expect(queue.peek(500)?.id).toBe('ends-500');
    expect(ids(queue.items(500))).toEqual(['ends-500', 'ends-500-later-request', 'asap', 'ends-600']);
    expect(ids(queue.items(600))).toEqual(['ends-500', 'ends-500-later-request', 'ends-600', 'asap']);
    expect(queue.position('asap', 499)).toBe(1);
    expect(queue.position('asap', 600)).toBe(4);
  });

  it('promotes an item as time crosses its window end, without re-enqueueing', () => {
    const queue = createCallbackQueue();
    for (let index = 0; index < 50; index++) queue.enqueue(asap(`asap-${index}`, index));
    queue.enqueue(scheduled('booked', 0, 1000, 2000));

    expect(queue.position('booked', 1999)).toBe(51);
    expect(queue.peek(1999)?.id).toBe('asap-0');
    expect(queue.dequeue(2000)?.id).toBe('booked');
    expect(queue.dequeue(2000)?.id).toBe('asap-0');
  });

  it('never serves an expired item and hands expired ones back, earliest expiry first', () => {
    const queue = createCallbackQueue();
    queue.enqueue(asap('expires-200', 0, 200));
    queue.enqueue(asap('expires-100', 1, 100));
    queue.enqueue(scheduled('overdue-expired', 2, 10, 50, 150));
    queue.enqueue(asap('fresh', 3));

    expect(queue.peek(99)?.id).toBe('overdue-expired');
    expect(queue.peek(200)?.id).toBe('fresh');
    expect(ids(queue.items(200))).toEqual(['fresh']);
    expect(queue.position('expires-200', 200)).toBeUndefined();
    expect(queue.size).toBe(4);

    expect(ids(queue.expired(150))).toEqual(['expires-100', 'overdue-expired']);
    expect(queue.has('expires-100')).toBe(false);
    expect(queue.size).toBe(2);
    expect(ids(queue.expired(1000))).toEqual(['expires-200']);
    expect(queue.expired(1000)).toEqual([]);
  });

  it('serves scheduled callbacks with the same start in request order, whatever order they were enqueued in', () => {
    const queue = createCallbackQueue();
    queue.enqueue(scheduled('requested-second', 20, 500));
    queue.enqueue(scheduled('requested-first', 10, 500));
    queue.enqueue(asap('asap-at-start', 500));

    expect(ids(queue.items(600))).toEqual(['requested-first', 'requested-second', 'asap-at-start']);
    expect(queue.position('requested-second', 600)).toBe(2);
    expect(queue.dequeue(600)?.id).toBe('requested-first');
  });

  // Every tie-break of the serving order, each pair enqueued both ways round (when the order is not
  // the enqueue order itself): the first is served first, listed first and counted ahead of the second.
  const NOW = 1000;
  const ORDER: Array<[rule: string, first: CallbackQueueItem, second: CallbackQueueItem, bothWays: boolean]> = [
    ['ASAP: the earlier request', asap('a', 10), asap('b', 20), true],
    ['ASAP: the same request time, enqueued first', asap('a', 10), asap('b', 10), false],
    ['same start: the earlier request', scheduled('a', 10, 500), scheduled('b', 20, 500), true],
    ['same start and request: enqueued first', scheduled('a', 10, 500), scheduled('b', 10, 500), false],
    ['scheduled start before an ASAP request', scheduled('a', 30, 400), asap('b', 450), true],
    ['overdue: the earlier window end', scheduled('a', 20, 100, 600), scheduled('b', 10, 100, 700), true],
    ['overdue, same window end: the earlier request', scheduled('a', 10, 200, 600), scheduled('b', 20, 100, 600), true],
    ['overdue, same window end and request: enqueued first', scheduled('a', 10, 100, 600), scheduled('b', 10, 100, 600), false],
    ['overdue before waiting longer', scheduled('a', 50, 900, 950), asap('b', 0), true],
  ];

  it.each(ORDER)('serving order: %s', (_rule, first, second, bothWays) => {
    for (const enqueueOrder of bothWays ? [[first, second], [second, first]] : [[first, second]]) {
      const queue = createCallbackQueue();
      for (const item of enqueueOrder) queue.enqueue(item);
      expect(ids(queue.items(NOW))).toEqual(['a', 'b']);
      expect([queue.position('a', NOW), queue.position('b', NOW)]).toEqual([1, 2]);
      expect(queue.peek(NOW)?.id).toBe('a');
      expect([queue.dequeue(NOW)?.id, queue.dequeue(NOW)?.id]).toEqual(['a', 'b']);
    }
  });

  it.each([
    ['the earlier expiry', asap('a', 20, 100), asap('b', 10, 200), true],
    ['the same expiry: enqueued first', asap('a', 20, 100), asap('b', 10, 100), false],
  ] as const)('expired items handed back in order: %s', (_rule, first, second, bothWays) => {
    for (const enqueueOrder of bothWays ? [[first, second], [second, first]] : [[first, second]]) {
      const queue = createCallbackQueue();
      queue.enqueue(asap('never-expires', 0));
      for (const item of enqueueOrder) queue.enqueue(item);
      expect(ids(queue.expired(NOW))).toEqual(['a', 'b']);
      expect(ids(queue.items(NOW))).toEqual(['never-expires']);
    }
  });

  it('hands back many items of the same expiry in the order they were enqueued (a heap alone would not keep it)', () => {
    const queue = createCallbackQueue();
    const order = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7'];
    order.forEach((id, index) => queue.enqueue(asap(id, 100 - index, 500)));
    expect(ids(queue.expired(500))).toEqual(order);
  });

  it('takes out every expired item, also those enqueued after one that has not expired', () => {
    const queue = createCallbackQueue();
    queue.enqueue(asap('never-expires', 0));
    queue.enqueue(asap('expires-900', 1, 900));
    queue.enqueue(asap('expires-300', 2, 300));
    queue.enqueue(scheduled('expires-100', 3, 50, 80, 100));
    queue.enqueue(asap('expires-200', 4, 200));

    expect(ids(queue.expired(300))).toEqual(['expires-100', 'expires-200', 'expires-300']);
    expect(ids(queue.items(300))).toEqual(['never-expires', 'expires-900']);
    expect(queue.size).toBe(2);
    expect(ids(queue.expired(899))).toEqual([]);
    expect(ids(queue.expired(900))).toEqual(['expires-900']);
  });

  it('passes over skipped items, overdue ones included', () => {
    const queue = createCallbackQueue();
    queue.enqueue(scheduled('overdue', 0, 10, 20));
    queue.enqueue(asap('first', 1));
    queue.enqueue(asap('second', 2));

    const offered = new Set(['overdue', 'first']);
    expect(queue.peek(100, (id) => offered.has(id))?.id).toBe('second');
    expect(queue.dequeue(100, (id) => offered.has(id))?.id).toBe('second');
    expect(queue.dequeue(100, () => true)).toBeUndefined();
    expect(queue.size).toBe(2);
  });

  it('reports how long the longest-waiting unexpired item has waited', () => {
    const queue = createCallbackQueue();
    expect(queue.oldestWaitMs(1000)).toBe(0);
    queue.enqueue(asap('expiring', 100, 500));
    queue.enqueue(scheduled('booked', 0, 300));
    queue.enqueue(asap('recent', 400));

    expect(queue.oldestWaitMs(450)).toBe(350);
    expect(queue.oldestWaitMs(600)).toBe(300);
  });

  it('removes by id and replaces an item enqueued again', () => {
    const queue = createCallbackQueue();
    queue.enqueue(asap('a', 100));
    queue.enqueue(asap('b', 200));
    queue.enqueue({ ...asap('a', 300), expireAt: 5000 });

    expect(queue.size).toBe(2);
    expect(queue.get('a')?.requestedAt).toBe(300);
    expect(ids(queue.items(0))).toEqual(['b', 'a']);
    expect(queue.remove('a')).toBe(true);
    expect(queue.remove('a')).toBe(false);
    expect(queue.expired(6000)).toEqual([]);
    expect(queue.position('a', 0)).toBeUndefined();
    expect(queue.position('b', 0)).toBe(1);
  });

  it('never loses or duplicates an item, and serves in the specified order', () => {
    const time = fc.integer({ min: 0, max: 100 });
    const item = fc.record({
      id: fc.integer({ min: 0, max: 25 }).map((index) => `cb${index}`),
      requestedAt: time,
      kind: fc.constantFrom('asap' as const, 'scheduled' as const),
      startAt: fc.option(time, { nil: undefined }),
      windowEnd: fc.option(time, { nil: undefined }),
      expireAt: fc.option(time, { nil: undefined }),
    });
    const operation = fc.oneof(
      fc.record({ type: fc.constant('enqueue' as const), item }),
      fc.record({ type: fc.constant('remove' as const), id: fc.integer({ min: 0, max: 25 }).map((index) => `cb${index}`) }),
      fc.record({ type: fc.constant('dequeue' as const), now: time, skipModulo: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ type: fc.constant('expire' as const), now: time }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 200, size: 'max' }), time, (operations, finalNow) => {
        const queue = createCallbackQueue();
        const model = new Map<string, { item: CallbackQueueItem; seq: number }>();
                let seq = 0;
        const sortKey = ({ item, seq: order }: { item: CallbackQueueItem; seq: number }, now: number) => {
          const overdue = item.kind === 'scheduled' && item.windowEnd !== undefined && item.windowEnd <= now;
          const since = item.kind === 'scheduled' ? (item.startAt ?? item.requestedAt) : item.requestedAt;
          return overdue ? [0, item.windowEnd ?? 0, item.requestedAt, order] : [1, since, item.requestedAt, order];
        };
        const modelOrder = (now: number) =>
          [...model.values()]
            .filter(({ item }) => item.expireAt === undefined || item.expireAt > now)
            .sort((a, b) => {
              const keyA = sortKey(a, now);
              const keyB = sortKey(b, now);
              const differing = keyA.findIndex((value, index) => value !== keyB[index]);
              return differing < 0 ? 0 : (keyA[differing] ?? 0) - (keyB[differing] ?? 0);
            })
            .map(({ item }) => item.id);

        for (const operation of operations) {
          if (operation.type === 'enqueue') {
            queue.enqueue(operation.item);
            model.set(operation.item.id, { item: operation.item, seq: seq++ });
          } else if (operation.type === 'remove') {
            expect(queue.remove(operation.id)).toBe(model.delete(operation.id));
          } else if (operation.type === 'dequeue') {
            const skip = (id: string) => operation.skipModulo > 0 && Number(id.slice(2)) % operation.skipModulo === 0;
            const expected = modelOrder(operation.now).find((id) => !skip(id));
            const served = queue.dequeue(operation.now, skip);
            expect(served?.id).toBe(expected);
            if (served) model.delete(served.id);
          } else {
            const expected = [...model.values()]
              .filter(({ item }) => item.expireAt !== undefined && item.expireAt <= operation.now)
              .map(({ item }) => item.id)
              .sort();
            const expired = queue.expired(operation.now).map((entry) => entry.id);
            expect([...expired].sort()).toEqual(expected);
            for (const id of expired) model.delete(id);
          }
        }

        const order = modelOrder(finalNow);
        expect(ids(queue.items(finalNow))).toEqual(order);
        order.forEach((id, index) => expect(queue.position(id, finalNow)).toBe(index + 1));
        expect(queue.size).toBe(model.size);
        const drained: string[] = [];
        for (let served = queue.dequeue(finalNow); served; served = queue.dequeue(finalNow)) drained.push(served.id);
        expect(drained).toEqual(order);
      }),
    );
  });
});
