import { fixtureCreated } from '@icc/core/testing';
import { createSqliteEventStore, type SqliteEventStore } from './sqlite-event-store';
import { createTemporaryDataDirs } from './temporary-data-dirs';

const dataDirs = createTemporaryDataDirs();
const open: SqliteEventStore[] = [];
const openStore = (dataDir: string) => {
  const store = createSqliteEventStore({ dataDir });
  open.push(store);
  return store;
};
afterEach(async () => {
  for (const store of open.splice(0)) {
    store.database.pragma('query_only = OFF');
    await store.close();
  }
});
afterAll(() => dataDirs.removeAll());

const NOW = Date.parse('2026-03-10T09:00:00Z');
const WINDOW_MS = 10 * 60_000;
const delivery = (deliveryId: string, expiresAtMs = NOW + WINDOW_MS) => ({ vendor: 'pushy', deliveryId, expiresAtMs });
const rowCount = (store: SqliteEventStore) => store.database.prepare('SELECT COUNT(*) FROM webhook_deliveries').pluck().get();

describe('sqlite webhook deliveries', () => {
  it('keeps a recorded delivery across close and reopen', async () => {
    const dataDir = dataDirs.create();
    const first = createSqliteEventStore({ dataDir });
    await first.recordWebhookDelivery(delivery('d-1'), NOW);
    await first.close();

    const reopened = openStore(dataDir);
    expect(reopened.hasWebhookDelivery('pushy', 'd-1', NOW + WINDOW_MS - 1)).toBe(true);
    expect(reopened.hasWebhookDelivery('pushy', 'd-1', NOW + WINDOW_MS)).toBe(false);
  });

  it('shares one commit with the appends of its tick', async () => {
    const store = openStore(dataDirs.create());
    await Promise.all([store.append([fixtureCreated(1)]), store.recordWebhookDelivery(delivery('d-1'), NOW), store.append([fixtureCreated(2)])]);
    expect(store.stats().commits).toBe(1);
    expect(store.headSeq()).toBe(2);
    expect(store.hasWebhookDelivery('pushy', 'd-1', NOW)).toBe(true);
  });

  it('writes a record still waiting for its group commit on close', async () => {
    const dataDir = dataDirs.create();
    const first = createSqliteEventStore({ dataDir, groupCommitMs: 60_000 });
    const recorded = first.recordWebhookDelivery(delivery('d-1'), NOW);
    await first.close();
    await recorded;
    expect(openStore(dataDir).hasWebhookDelivery('pushy', 'd-1', NOW)).toBe(true);
  });

  it('deletes expired rows a few per record, so the table holds about one window of deliveries', async () => {
    const store = openStore(dataDirs.create());
    for (let index = 0; index < 100; index += 1) await store.recordWebhookDelivery(delivery(`old-${index}`), NOW);
    const later = NOW + WINDOW_MS;
    await store.recordWebhookDelivery(delivery('new-0', later + WINDOW_MS), later);
    // 16 of the 100 expired rows go with the first new record.
    expect(rowCount(store)).toBe(101 - 16);
    for (let index = 1; index < 100; index += 1) await store.recordWebhookDelivery(delivery(`new-${index}`, later + WINDOW_MS), later);
    expect(rowCount(store)).toBe(100);
    // 200 group commits, each an fsync: seconds on a busy disk.
  }, 30_000);

  it('rejects a record on a read-only database with storage_unavailable, and records once writable again', async () => {
    const store = openStore(dataDirs.create());
    store.database.pragma('query_only = ON');
    await expect(store.recordWebhookDelivery(delivery('d-1'), NOW)).rejects.toMatchObject({
      code: 'storage_unavailable',
      cause: expect.objectContaining({ code: 'SQLITE_READONLY' }),
    });
    expect(store.hasWebhookDelivery('pushy', 'd-1', NOW)).toBe(false);

    store.database.pragma('query_only = OFF');
    await store.recordWebhookDelivery(delivery('d-1'), NOW);
    expect(store.hasWebhookDelivery('pushy', 'd-1', NOW)).toBe(true);
  });
});
