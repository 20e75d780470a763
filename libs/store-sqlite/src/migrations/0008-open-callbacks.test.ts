import BetterSqlite3 from 'better-sqlite3';
import { fixtureCreated, fixtureEvent } from '@icc/core/testing';
import { EXAMPLE_PHONE_NUMBERS } from '@icc/protocol';
import { readProjectionTables } from '../read-projection-tables';
import { createSqliteEventStore } from '../sqlite-event-store';
import { createTemporaryDataDirs } from '../temporary-data-dirs';

const dataDirs = createTemporaryDataDirs();
afterAll(() => dataDirs.removeAll());

const at = (minute: number) => new Date(Date.parse('2026-03-10T14:00:00Z') + minute * 60_000).toISOString();

describe('migration 0008: open callbacks', () => {
  it('fills the open-callback tables from the callbacks written before it, as appends would have', async () => {
    const dataDir = dataDirs.create();
    const written = createSqliteEventStore({ dataDir });
    await written.append([
      fixtureCreated(1, { phoneNumbers: ['+1 (415) 555-2671', EXAMPLE_PHONE_NUMBERS.gb], schedule: { type: 'scheduled', start: at(60) } }),
      fixtureCreated(2, { phoneNumbers: [EXAMPLE_PHONE_NUMBERS.us], queueId: 'q-sales' }),
      fixtureCreated(3, { phoneNumbers: [EXAMPLE_PHONE_NUMBERS.us] }),
      fixtureCreated(4, { phoneNumbers: [EXAMPLE_PHONE_NUMBERS.fr], schedule: { type: 'scheduled', start: at(90) } }),
      fixtureEvent('interaction.closed', 3, { at: at(5), outcome: 'cancelled', by: 'api' }),
      fixtureEvent('interaction.rescheduled', 4, { at: at(6), scheduledAt: at(120), by: 'customer' }),
    ]);
    const incremental = readProjectionTables(written.database);
    await written.close();
    expect(incremental.openCallbackNumbers).toHaveLength(4);

    // The database as version 7 left it: no open-callback tables, the rows of every other read model.
    const database = new BetterSqlite3(written.filePath);
    database.exec('DROP TABLE open_callback_numbers; DROP TABLE open_callback_starts; DELETE FROM schema_migrations WHERE version = 8;');
    database.close();

    const migrated = createSqliteEventStore({ dataDir });
    try {
      expect(readProjectionTables(migrated.database)).toEqual(incremental);
      expect(migrated.openCallbacksWithNumbers('q-support', [EXAMPLE_PHONE_NUMBERS.us]).map((callback) => callback.id)).toEqual(['cb-1']);
      expect(migrated.scheduledStartsOfQueue('q-support')).toEqual([
        { callbackId: 'cb-1', startMs: Date.parse(at(60)) },
        { callbackId: 'cb-4', startMs: Date.parse(at(120)) },
      ]);
    } finally {
      await migrated.close();
    }
  });
});
