import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { createTemporaryDataDirs } from '../temporary-data-dirs';
import { migration0001Initial } from './0001-initial';
import { migration0002WebhookDeliveries } from './0002-webhook-deliveries';
import { runSchemaMigrations } from './run-schema-migrations';

const dataDirs = createTemporaryDataDirs();
let database: Database;
beforeEach(() => {
  database = new BetterSqlite3(path.join(dataDirs.create(), 'test.db'));
});
afterEach(() => database.close());
afterAll(() => dataDirs.removeAll());

describe('migration 0002: webhook deliveries', () => {
  it('upgrades a database of version 1 and leaves its data alone', () => {
    runSchemaMigrations(database, [migration0001Initial]);
    database.prepare("INSERT INTO queues (id, body) VALUES ('q-support', '{}')").run();

    expect(runSchemaMigrations(database, [migration0001Initial, migration0002WebhookDeliveries])).toEqual([2]);
    expect(database.prepare('SELECT id, body FROM queues').all()).toEqual([{ id: 'q-support', body: '{}' }]);
    expect(database.prepare('SELECT COUNT(*) FROM webhook_deliveries').pluck().get()).toBe(0);
  });

  it('keys deliveries by vendor and id, and prunes by expiry through its index', () => {
    runSchemaMigrations(database);
    const insert = database.prepare('INSERT INTO webhook_deliveries (vendor, delivery_id, expires_at) VALUES (?, ?, ?)');
    insert.run('pushy', 'd-1', 1000);
    insert.run('other-vendor', 'd-1', 1000);
    expect(() => insert.run('pushy', 'd-1', 2000)).toThrow(/UNIQUE constraint failed/);

    const plan = database
      .prepare('EXPLAIN QUERY PLAN SELECT vendor, delivery_id FROM webhook_deliveries WHERE expires_at <= ? ORDER BY expires_at LIMIT ?')
      .all(1000, 16) as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toContain('webhook_deliveries_by_expiry');
  });
});
