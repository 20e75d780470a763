import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { createTemporaryDataDirs } from '../temporary-data-dirs';
import { migration0001Initial } from './0001-initial';
import { migration0002WebhookDeliveries } from './0002-webhook-deliveries';
import { INTERACTION_VENDOR_REF, migration0003VendorRefIndex } from './0003-vendor-ref-index';
import { runSchemaMigrations } from './run-schema-migrations';

const dataDirs = createTemporaryDataDirs();
let database: Database;
beforeEach(() => {
  database = new BetterSqlite3(path.join(dataDirs.create(), 'test.db'));
});
afterEach(() => database.close());
afterAll(() => dataDirs.removeAll());

describe('migration 0003: vendor ref index', () => {
  it('upgrades a database of version 2 and finds the interactions written before it by their vendor id', () => {
    runSchemaMigrations(database, [migration0001Initial, migration0002WebhookDeliveries]);
    const insert = database.prepare(
      "INSERT INTO interactions (id, state, agent_id, queue_id, callback_id, seq, requested_at, scheduled_at, body) VALUES (?, 'queued', NULL, 'q', ?, ?, 0, NULL, ?)",
    );
    insert.run('ix-1', 'cb-1', 1, JSON.stringify({ id: 'ix-1', vendorRef: 'conv-a' }));
    insert.run('ix-2', 'cb-2', 2, JSON.stringify({ id: 'ix-2' }));

    expect(runSchemaMigrations(database, [migration0001Initial, migration0002WebhookDeliveries, migration0003VendorRefIndex])).toEqual([3]);
    expect(database.prepare(`SELECT id FROM interactions WHERE ${INTERACTION_VENDOR_REF} = ?`).pluck().all('conv-a')).toEqual(['ix-1']);
  });
});
