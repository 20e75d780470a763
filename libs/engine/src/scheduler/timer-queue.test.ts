import fc from 'fast-check';
import { createSeededRandom } from '@icc/core';
import { createTimerQueue } from './timer-queue';

describe('createTimerQueue', () => {
  it('drains only due items, earliest first, ties in insertion order', () => {
    const queue = createTimerQueue<string>();
    queue.schedule('c', 300, 'third');
    queue.schedule('a', 100, 'first');
    queue.schedule('b', 100, 'second');
    queue.schedule('d', 400, 'later');

    expect(queue.peekDueAt()).toBe(100);
    expect(queue.drainDue(300)).toEqual([
      { key: 'a', dueAt: 100, item: 'first' },
      { key: 'b', dueAt: 100, item: 'second' },
      { key: 'c', dueAt: 300, item: 'third' },
    ]);
    expect(queue.size).toBe(1);
    expect(queue.peekDueAt()).toBe(400);
    expect(queue.drainDue(399)).toEqual([]);
  });

  it('replaces an item scheduled again under the same key', () => {
    const queue = createTimerQueue<string>();
    queue.schedule('a', 100, 'old');
    queue.schedule('b', 200, 'b');
    queue.schedule('a', 300, 'new');

    expect(queue.size).toBe(2);
    expect(queue.get('a')).toEqual({ key: 'a', dueAt: 300, item: 'new' });
    expect(queue.peekDueAt()).toBe(200);
    expect(queue.drainDue(1000).map((due) => due.item)).toEqual(['b', 'new']);
  });

  it('cancels by key', () => {
    const queue = createTimerQueue<number>();
    queue.schedule('a', 100, 1);
    queue.schedule('b', 50, 2);

    expect(queue.cancel('b')).toBe(true);
    expect(queue.cancel('b')).toBe(false);
    expect(queue.has('b')).toBe(false);
    expect(queue.has('a')).toBe(true);
    expect(queue.peekDueAt()).toBe(100);
    expect(queue.cancel('a')).toBe(true);
    expect(queue.peekDueAt()).toBeUndefined();
    expect(queue.size).toBe(0);
  });

  it('drains in the order of a stable sort by due time, whatever was scheduled and cancelled', () => {
    const operation = fc.oneof(
      fc.record({ type: fc.constant('schedule' as const), key: fc.integer({ min: 0, max: 30 }), dueAt: fc.integer({ min: 0, max: 20 }) }),
      fc.record({ type: fc.constant('cancel' as const), key: fc.integer({ min: 0, max: 30 }) }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 200, size: 'max' }), fc.integer({ min: 0, max: 20 }), (operations, now) => {
        const queue = createTimerQueue<number>();
        let model: Array<{ key: string; dueAt: number; item: number }> = [];
        operations.forEach((operation, step) => {
          const key = `k${operation.key}`;
          model = model.filter((entry) => entry.key !== key);
          if (operation.type === 'schedule') {
            queue.schedule(key, operation.dueAt, step);
            model.push({ key, dueAt: operation.dueAt, item: step });
          } else {
            queue.cancel(key);
          }
        });
        const sorted = [...model].sort((a, b) => a.dueAt - b.dueAt);
        expect(queue.size).toBe(model.length);
        expect(queue.peekDueAt()).toBe(sorted[0]?.dueAt);
        expect(queue.drainDue(now)).toEqual(sorted.filter((entry) => entry.dueAt <= now));
        expect(queue.drainDue(Infinity)).toEqual(sorted.filter((entry) => entry.dueAt > now));
        expect(queue.size).toBe(0);
      }),
    );
  });

  it('drains large batches in bulk in the same order as one pop at a time, ties in insertion order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: fc.integer({ min: 0, max: 400 }), dueAt: fc.integer({ min: 0, max: 50 }) }), { minLength: 1, maxLength: 600 }),
        fc.array(fc.integer({ min: -1, max: 55 }), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (schedules, drains, farApart) => {
          const queue = createTimerQueue<number>();
          let model: Array<{ key: string; dueAt: number; item: number }> = [];
          // farApart: due times too far apart to pack into one double, so the comparator sort runs.
          const at = (dueAt: number) => (farApart ? dueAt * 2 ** 45 : dueAt);
          schedules.forEach(({ key, dueAt }, step) => {
            model = model.filter((entry) => entry.key !== `k${key}`);
            queue.schedule(`k${key}`, at(dueAt), step);
            model.push({ key: `k${key}`, dueAt: at(dueAt), item: step });
          });
          for (const now of [...drains, Infinity]) {
            const sorted = [...model].sort((a, b) => a.dueAt - b.dueAt);
            const due = sorted.filter((entry) => entry.dueAt <= at(now));
            model = sorted.filter((entry) => entry.dueAt > at(now));
            expect(queue.drainDue(at(now))).toEqual(due);
            expect(queue.size).toBe(model.length);
            expect(queue.peekDueAt()).toBe(model[0]?.dueAt);
            for (const entry of due) expect(queue.has(entry.key)).toBe(false);
            for (const entry of model) expect(queue.dueAt(entry.key)).toBe(entry.dueAt);
          }
        },
      ),
    );
  });

  it('returns nothing from an empty queue', () => {
    expect(createTimerQueue<string>().drainDue(Infinity)).toEqual([]);
  });

  // The bulk drain packs (dueAt offset, position) into one double for a fast sort; these due times
  // cannot be packed exactly, so the ordinary comparator sort must take over.
  const drainAllInBulk = (dueTimes: number[]) => {
    const queue = createTimerQueue<number>();
    dueTimes.forEach((dueAt, index) => queue.schedule(`k${index}`, dueAt, index));
    return queue.drainDue(Infinity).map((due) => due.dueAt);
  };
  const scrambled = (dueTimes: number[]) => dueTimes.map((_, index) => dueTimes[(index * 7) % dueTimes.length] as number);

  it('drains due times too far apart to pack in order', () => {
    const dueTimes = Array.from({ length: 64 }, (_, index) => index * 2 ** 47);
    expect(drainAllInBulk(scrambled(dueTimes))).toEqual(dueTimes);
  });

  it.each([
    ['the earliest', (index: number) => (index === 0 ? 0.5 : index)],
    ['the latest', (index: number) => (index === 63 ? 63.5 : index)],
  ])('drains in order when %s due time is not a whole millisecond', (_which, dueAt) => {
    const dueTimes = Array.from({ length: 64 }, (_, index) => dueAt(index));
    expect(drainAllInBulk(scrambled(dueTimes))).toEqual(dueTimes);
  });

  it('keeps working after a bulk drain: schedule, cancel and replace', () => {
    const queue = createTimerQueue<string>();
    for (let index = 0; index < 100; index++) queue.schedule(`k${index}`, index, `v${index}`);
    expect(queue.drainDue(89).map((due) => due.item)).toEqual(Array.from({ length: 90 }, (_, index) => `v${index}`));
    queue.schedule('k95', 1, 'moved');
    queue.schedule('new', 92, 'new');
    expect(queue.cancel('k99')).toBe(true);
    expect(queue.drainDue(Infinity).map((due) => due.item)).toEqual(['moved', 'v90', 'v91', 'v92', 'new', 'v93', 'v94', 'v96', 'v97', 'v98']);
  });

  it('answers get and dueAt without copying: the scheduled timer itself, only key, dueAt and item visible', () => {
    const queue = createTimerQueue<string>();
    queue.schedule('a', 100, 'first');
    const timer = queue.get('a');
    expect(queue.get('a')).toBe(timer);
    expect(Object.keys(timer ?? {})).toEqual(['key', 'dueAt', 'item']);
    expect(queue.dueAt('a')).toBe(100);
    expect(queue.dueAt('missing')).toBeUndefined();
    queue.schedule('a', 200, 'second');
    expect(timer).toEqual({ key: 'a', dueAt: 100, item: 'first' });
    expect(queue.dueAt('a')).toBe(200);
    const replaced = queue.get('a');
    expect(queue.drainDue(Infinity)).toEqual([{ key: 'a', dueAt: 200, item: 'second' }]);
    expect(queue.drainDue(Infinity)).toEqual([]);
    expect(replaced).toEqual({ key: 'a', dueAt: 200, item: 'second' });
    expect(queue.get('a')).toBeUndefined();
  });
});

describe('createTimerQueue against a sorted-array model', () => {
  interface Modelled {
    key: string;
    dueAt: number;
    item: number;
  }

  /** The obvious implementation: an array kept in insertion order, sorted stably when read. */
  function createModel() {
    let timers: Modelled[] = [];
    return {
      schedule(timer: Modelled) {
        timers = timers.filter((other) => other.key !== timer.key);
        timers.push(timer);
      },
      cancel(key: string) {
        const before = timers.length;
        timers = timers.filter((other) => other.key !== key);
        return timers.length < before;
      },
      find: (key: string) => timers.find((timer) => timer.key === key),
      peekDueAt: () => (timers.length === 0 ? undefined : Math.min(...timers.map((timer) => timer.dueAt))),
      drainDue(now: number) {
        const due = timers.filter((timer) => timer.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt);
        timers = timers.filter((timer) => timer.dueAt > now);
        return due;
      },
      get size() {
        return timers.length;
      },
    };
  }

  it.each([
    ['many ties (due times within 30 ms)', 1, 30],
    ['spread over a day', 2, 86_400_000],
  ])('agrees over 10,000 random operations: %s', (_name, seed, spread) => {
    const random = createSeededRandom(seed);
    const pick = (count: number) => Math.floor(random() * count);
    const queue = createTimerQueue<number>();
    const model = createModel();
    let now = 1_000_000;
    const randomKey = () => `k${pick(400)}`;
    const schedule = (step: number) => {
      const timer = { key: randomKey(), dueAt: now + pick(spread), item: step };
      queue.schedule(timer.key, timer.dueAt, timer.item);
      model.schedule(timer);
    };
    for (let step = 0; step < 10_000; step++) {
      const roll = random();
      if (roll < 0.4) schedule(step);
      else if (roll < 0.42) for (let burst = pick(500); burst >= 0; burst--) schedule(step);
      else if (roll < 0.55) {
        const key = randomKey();
        expect(queue.cancel(key)).toBe(model.cancel(key));
      } else if (roll < 0.7) {
        now += pick(spread / 4);
        expect(queue.drainDue(now)).toEqual(model.drainDue(now));
      } else if (roll < 0.72) {
        now += spread;
        expect(queue.drainDue(now)).toEqual(model.drainDue(now));
      } else if (roll < 0.85) {
        expect(queue.peekDueAt()).toBe(model.peekDueAt());
      } else {
        const key = randomKey();
        const timer = model.find(key);
        expect(queue.has(key)).toBe(timer !== undefined);
        expect(queue.dueAt(key)).toBe(timer?.dueAt);
        expect(queue.get(key)).toEqual(timer);
      }
      expect(queue.size).toBe(model.size);
    }
    expect(queue.drainDue(Infinity)).toEqual(model.drainDue(Infinity));
  });
});

describe('createTimerQueue, deferred ordering', () => {
  const keysScheduled = (count: number, dueAt: (index: number) => number) => {
    const queue = createTimerQueue<number>();
    for (let index = 0; index < count; index++) queue.schedule(`k${index}`, dueAt(index), index);
    return queue;
  };
  const spread = (index: number) => (index * 7919) % 1000;
  const expectedItems = (count: number, now: number) =>
    Array.from({ length: count }, (_, index) => index)
      .filter((index) => spread(index) <= now)
      .sort((a, b) => spread(a) - spread(b) || a - b);

  it('answers the earliest due time after many schedules with no read between them', () => {
    const queue = keysScheduled(5000, (index) => 10_000 - index);
    expect(queue.peekDueAt()).toBe(5001);
    expect(queue.size).toBe(5000);
  });

  it('drains part of many schedules with no read between them, then keeps the rest in order', () => {
    const queue = keysScheduled(3000, spread);
    expect(queue.drainDue(499).map((due) => due.item)).toEqual(expectedItems(3000, 499));
    expect(queue.peekDueAt()).toBe(500);
    expect(queue.drainDue(Infinity).map((due) => due.item)).toEqual(expectedItems(3000, Infinity).filter((index) => spread(index) > 499));
  });

  it('gives the same drains whether every schedule is followed by a read or none is', () => {
    const interleaved = createTimerQueue<number>();
    for (let index = 0; index < 3000; index++) {
      interleaved.schedule(`k${index}`, spread(index), index);
      if (index % 2 === 0) interleaved.peekDueAt();
      if (index % 500 === 499) interleaved.drainDue(-1);
    }
    const deferred = keysScheduled(3000, spread);
    for (const now of [100, 100, 640, Infinity]) expect(interleaved.drainDue(now)).toEqual(deferred.drainDue(now));
  });

  it('replaces and cancels keys scheduled since the last read', () => {
    const queue = keysScheduled(2000, spread);
    queue.schedule('k5', -1, -5);
    expect(queue.cancel('k6')).toBe(true);
    expect(queue.cancel('k6')).toBe(false);
    queue.schedule('late', spread(3), 9999);
    const drained = queue.drainDue(Infinity);
    expect(drained[0]).toEqual({ key: 'k5', dueAt: -1, item: -5 });
    expect(drained).toHaveLength(2000);
    // 'late' ties with k3 and k1003 (spread 757) and was scheduled after both.
    expect(drained.map((due) => due.item)).toEqual([-5, ...expectedItems(2000, Infinity).filter((index) => index !== 5 && index !== 6)].flatMap((item) => (item === 1003 ? [1003, 9999] : [item])));
  });

  it('drains many due in a heap already in order, the first popped then the rest in bulk', () => {
    const queue = keysScheduled(2000, spread);
    expect(queue.peekDueAt()).toBe(0);
    expect(queue.drainDue(900).map((due) => due.item)).toEqual(expectedItems(2000, 900));
    expect(queue.size).toBe(expectedItems(2000, Infinity).length - expectedItems(2000, 900).length);
  });

  it('hands out the timer `get` gave when it is drained', () => {
    const queue = keysScheduled(100, spread);
    const timer = queue.get('k42');
    expect(queue.drainDue(Infinity).find((due) => due.key === 'k42')).toBe(timer);
  });

  it('drains an odd count in bulk when a due time in the middle is fractional', () => {
    const queue = createTimerQueue<number>();
    [5, 2.5, 9, 1, 7].forEach((dueAt, index) => queue.schedule(`k${index}`, dueAt, index));
    expect(queue.drainDue(Infinity).map((due) => due.dueAt)).toEqual([1, 2.5, 5, 7, 9]);
  });
});
