import fc from 'fast-check';
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
