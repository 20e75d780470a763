import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createSqliteEventStore, type SqliteEventStore } from './sqlite-event-store';
import { SCHEMA_MIGRATIONS } from './migrations/schema-migrations';
import { runSchemaMigrations } from './migrations/run-schema-migrations';
import { createTemporaryDataDirs } from './temporary-data-dirs';

const dataDirs = createTemporaryDataDirs();
let store: SqliteEventStore;
beforeEach(() => {
  store = createSqliteEventStore({ dataDir: dataDirs.create() });
});
afterEach(async () => {
  await store.close();
});
afterAll(() => dataDirs.removeAll());

const planOf = (sql: string, ...params: unknown[]) =>
  (store.database.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail).join('\n');

describe('read-model indexes (migration 0007)', () => {
  it.each([
    ['open interactions', "SELECT id, body FROM interactions WHERE state <> 'closed' ORDER BY requested_at, id", [], 'interactions_open'],
    ['queue depth', "SELECT queue_id, COUNT(*) AS depth, MIN(requested_at) AS oldest FROM interactions WHERE state = 'queued' GROUP BY queue_id", [], 'interactions_queued'],
    ['scheduled next hour', "SELECT queue_id, COUNT(*) FROM interactions WHERE state = 'scheduled' AND scheduled_at BETWEEN ? AND ? GROUP BY queue_id", [0, 1], 'interactions_scheduled'],
    ["the vendor's id", 'SELECT id, body FROM interactions WHERE vendor_ref = ? ORDER BY seq DESC LIMIT ?', ['conv-a', 10], 'interactions_by_vendor_ref_column'],
    ["an agent's interactions", 'SELECT id, body FROM interactions WHERE agent_id = ? ORDER BY seq DESC LIMIT ?', ['agent-ada', 10], 'interactions_by_agent'],
    ['callbacks an agent handled', 'SELECT c.id FROM callbacks c WHERE EXISTS (SELECT 1 FROM interactions i WHERE i.agent_id = ? AND i.callback_id = c.id) ORDER BY c.requested_at DESC, c.id DESC LIMIT ?', ['agent-ada', 10], 'interactions_handled_by'],
    ['callbacks by vendor id', 'SELECT c.id FROM callbacks c WHERE EXISTS (SELECT 1 FROM interactions i WHERE i.vendor_ref = ? AND i.callback_id = c.id) ORDER BY c.requested_at DESC, c.id DESC LIMIT ?', ['conv-a', 10], 'interactions_by_vendor_ref_column'],
    ["an interaction's events", 'SELECT body FROM events WHERE interaction_id = ? ORDER BY seq', ['ix-1'], 'events_by_interaction'],
  ])('serves %s from its index', (_name, sql, params, index) => {
    expect(planOf(sql, ...params)).toContain(`INDEX ${index}`);
  });

  it.each([
    ['open callbacks by number', 'open_callback_numbers', 'SELECT callback_id FROM open_callback_numbers WHERE queue_id = ? AND number IN (SELECT value FROM json_each(?))', ['q', '["+14155552671"]'], 'PRIMARY KEY'],
    ['scheduled starts of a queue', 'open_callback_starts', 'SELECT callback_id, start_ms FROM open_callback_starts WHERE queue_id = ? ORDER BY start_ms, callback_id', ['q'], 'INDEX open_callback_starts_by_queue'],
    ['open-callback rows of a callback', 'open_callback_numbers', 'DELETE FROM open_callback_numbers WHERE callback_id IN (?, ?)', ['cb-1', 'cb-2'], 'INDEX open_callback_numbers_by_callback'],
  ])('serves %s from an index of %s (migration 0008)', (_name, table, sql, params, index) => {
    const plan = planOf(sql, ...params);
    expect(plan).toContain(`SEARCH ${table} USING`);
    expect(plan).toContain(index);
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it('drops the indexes no query needs in their old width', () => {
    const indexes = store.database.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'interactions'").all().map((row) => row.name);
    expect(indexes).not.toContain('interactions_waiting');
    expect(indexes).not.toContain('interactions_by_vendor_ref');
  });

  it("upgrades a database of version 6, filling the vendor's id of the interactions written before it", () => {
    const database = new BetterSqlite3(path.join(dataDirs.create(), 'v6.db'));
    try {
      runSchemaMigrations(database, SCHEMA_MIGRATIONS.slice(0, 6));
      const insert = database.prepare(
        "INSERT INTO interactions (id, state, agent_id, queue_id, callback_id, seq, requested_at, scheduled_at, body) VALUES (?, 'queued', NULL, 'q', ?, ?, 0, NULL, ?)",
      );
      insert.run('ix-1', 'cb-1', 1, JSON.stringify({ id: 'ix-1', vendorRef: 'conv-a' }));
      insert.run('ix-2', 'cb-2', 2, JSON.stringify({ id: 'ix-2' }));
      expect(runSchemaMigrations(database, SCHEMA_MIGRATIONS.slice(0, 7))).toEqual([7]);
      expect(database.prepare('SELECT id, vendor_ref FROM interactions ORDER BY id').all()).toEqual([
        { id: 'ix-1', vendor_ref: 'conv-a' },
        { id: 'ix-2', vendor_ref: null },
      ]);
      expect(database.prepare("SELECT id FROM interactions WHERE state = 'queued' AND queue_id = 'q'").pluck().all()).toEqual(['ix-1', 'ix-2']);
    } finally {
      database.close();
    }
  });
});
