import { fixtureCreated, fixtureEvent } from '@icc/core/testing';
import { EXAMPLE_PHONE_NUMBERS } from '@icc/protocol';
import { openPostgresEventStore } from '../postgres-event-store';
import { queryDatabase, useTestDatabases } from '../testing/test-databases';

const databases = useTestDatabases();
const at = (minute: number) => new Date(Date.parse('2026-03-10T14:00:00Z') + minute * 60_000).toISOString();

const openCallbackTables = async (url: string) => ({
  numbers: await queryDatabase(url, 'SELECT * FROM open_callback_numbers ORDER BY callback_id, number'),
  starts: await queryDatabase(url, 'SELECT * FROM open_callback_starts ORDER BY callback_id'),
});

describe('migration 0004: open callbacks', () => {
  it('fills the open-callback tables from the callbacks written before it, as appends would have', async () => {
    const url = await databases.create();
    const written = await openPostgresEventStore({ url, poolSize: 2 });
    try {
      await written.append([
        fixtureCreated(1, { phoneNumbers: ['+1 (415) 555-2671', EXAMPLE_PHONE_NUMBERS.gb], schedule: { type: 'scheduled', start: at(60) } }),
        fixtureCreated(2, { phoneNumbers: [EXAMPLE_PHONE_NUMBERS.us], queueId: 'q-sales' }),
        fixtureCreated(3, { phoneNumbers: [EXAMPLE_PHONE_NUMBERS.us] }),
        fixtureCreated(4, { phoneNumbers: [EXAMPLE_PHONE_NUMBERS.fr], schedule: { type: 'scheduled', start: at(90) } }),
        fixtureEvent('interaction.closed', 3, { at: at(5), outcome: 'cancelled', by: 'api' }),
        fixtureEvent('interaction.rescheduled', 4, { at: at(6), scheduledAt: at(120), by: 'customer' }),
      ]);
    } finally {
      await written.close();
    }
    const incremental = await openCallbackTables(url);
    expect(incremental.numbers).toHaveLength(4);

    // The database as schema 3 left it: no open-callback tables, the rows of every other read model.
    await queryDatabase(url, 'DROP TABLE open_callback_numbers, open_callback_starts');
    await queryDatabase(url, 'DELETE FROM schema_migrations WHERE version = 4');

    const migrated = await openPostgresEventStore({ url, poolSize: 2 });
    try {
      expect(await openCallbackTables(url)).toEqual(incremental);
      expect((await migrated.openCallbacksWithNumbers('q-support', [EXAMPLE_PHONE_NUMBERS.us])).map((callback) => callback.id)).toEqual(['cb-1']);
      expect(await migrated.scheduledStartsOfQueue('q-support')).toEqual([
        { callbackId: 'cb-1', startMs: Date.parse(at(60)) },
        { callbackId: 'cb-4', startMs: Date.parse(at(120)) },
      ]);
    } finally {
      await migrated.close();
    }
  });
});
