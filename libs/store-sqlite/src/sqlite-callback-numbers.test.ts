import { fixtureCreated } from '@icc/core/testing';
import { createSqliteEventStore } from './sqlite-event-store';
import { createTemporaryDataDirs } from './temporary-data-dirs';

const dataDirs = createTemporaryDataDirs();
afterAll(() => dataDirs.removeAll());

const reserve = (store: ReturnType<typeof createSqliteEventStore>, count: number) =>
  Promise.all(Array.from({ length: count }, () => store.nextCallbackNumber()));

const expectIncreasing = (numbers: number[]) => numbers.forEach((number, index) => index > 0 && expect(number).toBeGreaterThan(numbers[index - 1] as number));

describe('callback numbers reserved in blocks', () => {
  it('hands out unique, increasing numbers to concurrent callers with one commit per block, shared with appends', async () => {
    const store = createSqliteEventStore({ dataDir: dataDirs.create(), callbackNumberBlock: 10 });
    const [numbers, appended] = await Promise.all([reserve(store, 25), store.append([fixtureCreated(1)])]);
    expect(numbers).toEqual(Array.from({ length: 25 }, (_, index) => index + 1));
    expect(appended[0]?.seq).toBe(1);
    // Three blocks of 10; the first rode in the append's transaction.
    expect(store.stats().commits).toBe(3);
    expect(await reserve(store, 5)).toEqual([26, 27, 28, 29, 30]);
    expect(store.stats().commits).toBe(3);
    await store.close();
  });

  it('carries on right after the last number on a clean restart, and skips but never reuses after a crash', async () => {
    const dataDir = dataDirs.create();
    const seen: number[] = [];

    const first = createSqliteEventStore({ dataDir, callbackNumberBlock: 100 });
    seen.push(...(await reserve(first, 30)));
    await first.close();

    const second = createSqliteEventStore({ dataDir, callbackNumberBlock: 100 });
    seen.push(...(await reserve(second, 7)));
    expect(seen).toEqual(Array.from({ length: 37 }, (_, index) => index + 1));
    second.database.close(); // a crash: no clean close, the rest of the block is never given back

    const third = createSqliteEventStore({ dataDir, callbackNumberBlock: 100 });
    const afterCrash = await reserve(third, 150);
    expect(afterCrash[0]).toBe(131);
    seen.push(...afterCrash);
    await third.close();

    const fourth = createSqliteEventStore({ dataDir });
    seen.push(...(await reserve(fourth, 3)));
    await fourth.close();

    expect(new Set(seen).size).toBe(seen.length);
    expectIncreasing(seen);
    expect(seen.slice(-3)).toEqual([281, 282, 283]);
  });

  it('hands out nothing when the reservation cannot be written, and the same numbers once it can', async () => {
    const store = createSqliteEventStore({ dataDir: dataDirs.create(), callbackNumberBlock: 4 });
    expect(await reserve(store, 4)).toEqual([1, 2, 3, 4]);
    store.database.pragma('query_only = ON');
    const refused = await Promise.allSettled([store.nextCallbackNumber(), store.nextCallbackNumber()]);
    expect(refused).toMatchObject([
      { status: 'rejected', reason: { code: 'storage_unavailable' } },
      { status: 'rejected', reason: { code: 'storage_unavailable' } },
    ]);
    store.database.pragma('query_only = OFF');
    expect(await reserve(store, 2)).toEqual([5, 6]);
    await store.close();
  });
});
