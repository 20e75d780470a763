import { exampleQueueConfig } from '@icc/protocol';
import { IccError } from '@icc/core';
import { fixtureCreated, fixtureEvent } from '@icc/core/testing';
import { createSqliteEventStore, type SqliteEventStore } from './sqlite-event-store';
import { readProjectionTables } from './read-projection-tables';
import { createTemporaryDataDirs } from './temporary-data-dirs';

/*
 * Tests run as root, where chmod does not stop writes. Instead the conditions are produced on
 * the store's own connection, so SQLite itself fails the write with the real error codes:
 * - read-only: `PRAGMA query_only = ON` makes every write fail with SQLITE_READONLY;
 * - disk full: `PRAGMA max_page_count` caps the file at its current size, so growing it fails
 *   with SQLITE_FULL (the code a full disk gives), which also makes SQLite roll back on its own.
 */
const dataDirs = createTemporaryDataDirs();
let store: SqliteEventStore;
beforeEach(() => {
  store = createSqliteEventStore({ dataDir: dataDirs.create() });
});
afterEach(async () => {
  store.database.pragma('query_only = OFF');
  await store.close();
});
afterAll(() => dataDirs.removeAll());

const manyCallbacks = (from: number, count: number) =>
  Array.from({ length: count }, (_, index) => fixtureCreated(from + index, { shortDescription: 'x'.repeat(150) }));

describe('storage failures', () => {
  it('rejects appends on a read-only database with storage_unavailable and recovers when writable again', async () => {
    await store.append([fixtureCreated(1)]);
    const before = readProjectionTables(store.database);
    store.database.pragma('query_only = ON');
    const failed = store.append([fixtureEvent('interaction.offered', 1), fixtureCreated(2)]);
    await expect(failed).rejects.toBeInstanceOf(IccError);
    await expect(failed).rejects.toMatchObject({ code: 'storage_unavailable', cause: expect.objectContaining({ code: 'SQLITE_READONLY' }) });
    await expect(store.nextCallbackNumber()).rejects.toMatchObject({ code: 'storage_unavailable' });
    await expect(store.saveQueue(exampleQueueConfig())).rejects.toMatchObject({ code: 'storage_unavailable' });
    expect(store.headSeq()).toBe(1);
    expect(store.getInteraction('ix-1')?.state).toBe('queued');
    expect(store.getInteraction('ix-2')).toBeUndefined();

    store.database.pragma('query_only = OFF');
    expect(readProjectionTables(store.database)).toEqual(before);
    const retried = await store.append([fixtureEvent('interaction.offered', 1), fixtureCreated(2)]);
    expect(retried.map((event) => event.seq)).toEqual([2, 3]);
    expect(await store.nextCallbackNumber()).toBe(1);
  });

  it('rejects every append of a group that hits a full disk, leaves nothing half-written, then carries on', async () => {
    await store.append(manyCallbacks(1, 5));
    const before = { tables: readProjectionTables(store.database), log: store.readAfter(0, 1000) };
    const pageCount = store.database.pragma('page_count', { simple: true }) as number;
    const maxPageCount = store.database.pragma('max_page_count', { simple: true }) as number;
    store.database.pragma(`max_page_count = ${pageCount}`);

    const outcomes = await Promise.allSettled([store.append(manyCallbacks(6, 200)), store.append([fixtureEvent('interaction.offered', 1)])]);
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({ status: 'rejected', reason: { code: 'storage_unavailable', cause: { code: 'SQLITE_FULL' } } });
    }
    expect(store.headSeq()).toBe(5);
    expect(store.getInteraction('ix-1')?.state).toBe('queued');
    expect(store.getCallback('cb-6')).toBeUndefined();
    expect({ tables: readProjectionTables(store.database), log: store.readAfter(0, 1000) }).toEqual(before);

    store.database.pragma(`max_page_count = ${maxPageCount}`);
    const appended = await store.append([fixtureEvent('interaction.offered', 1), ...manyCallbacks(6, 200)]);
    expect(appended[0]?.seq).toBe(6);
    expect(store.headSeq()).toBe(206);
    expect(store.getInteraction('ix-1')?.state).toBe('offered');
    expect(store.database.prepare('SELECT COUNT(*) AS count FROM events').get()).toEqual({ count: 206 });
  });

  it('rejects a refused batch of a failed group with its own error, the others with storage_unavailable', async () => {
    await store.append([fixtureCreated(1)]);
    store.database.pragma(`max_page_count = ${store.database.pragma('page_count', { simple: true }) as number}`);
    const outcomes = await Promise.allSettled([store.append([fixtureEvent('interaction.held', 1)]), store.append(manyCallbacks(2, 200))]);
    expect(outcomes).toMatchObject([
      { status: 'rejected', reason: { code: 'invalid_transition' } },
      { status: 'rejected', reason: { code: 'storage_unavailable' } },
    ]);
    expect(store.headSeq()).toBe(1);
  });
});
