import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { exampleQueueConfig } from '@icc/protocol';
import { createTemporaryDataDirs } from '../temporary-data-dirs';
import { createSqliteEventStore } from '../sqlite-event-store';
import { migration0001Initial } from './0001-initial';
import { migration0002WebhookDeliveries } from './0002-webhook-deliveries';
import { migration0003VendorRefIndex } from './0003-vendor-ref-index';
import { runSchemaMigrations } from './run-schema-migrations';

const dataDirs = createTemporaryDataDirs();
afterAll(() => dataDirs.removeAll());

describe('migration 0004: queue configuration versions', () => {
  it('upgrades a database of version 3: its queues become version 1 and change on from there', async () => {
    const dataDir = dataDirs.create();
    const database: Database = new BetterSqlite3(path.join(dataDir, 'icc.db'));
    runSchemaMigrations(database, [migration0001Initial, migration0002WebhookDeliveries, migration0003VendorRefIndex]);
    database.prepare('INSERT INTO queues (id, body) VALUES (?, ?)').run('q-support', JSON.stringify(exampleQueueConfig({ id: 'q-support' })));
    database.close();

    const store = createSqliteEventStore({ dataDir });
    try {
      expect(store.listQueues()).toEqual([{ ...exampleQueueConfig({ id: 'q-support' }), version: 1 }]);
      expect(store.listQueueRevisions('q-support')).toEqual([expect.objectContaining({ version: 1, changedBy: 'system', removed: false })]);
      await expect(store.saveQueue(exampleQueueConfig({ id: 'q-support', name: 'Changed' }), { expectedVersion: 1 })).resolves.toMatchObject({ version: 2 });
      expect(store.getQueue('q-support', 1)?.name).toBe('Support');
    } finally {
      await store.close();
    }
  });
});
