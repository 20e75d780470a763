import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { createTemporaryDataDirs } from '../temporary-data-dirs';
import { migration0001Initial } from './0001-initial';
import { migration0002WebhookDeliveries } from './0002-webhook-deliveries';
import { migration0003VendorRefIndex } from './0003-vendor-ref-index';
import { migration0005PresenceSinceAndMissedOffers } from './0005-presence-since-and-missed-offers';
import { runSchemaMigrations } from './run-schema-migrations';

const dataDirs = createTemporaryDataDirs();
let database: Database;
beforeEach(() => {
  database = new BetterSqlite3(path.join(dataDirs.create(), 'test.db'));
});
afterEach(() => database.close());
afterAll(() => dataDirs.removeAll());

const BEFORE = [migration0001Initial, migration0002WebhookDeliveries, migration0003VendorRefIndex];

describe('migration 0005: presence since and missed offers', () => {
  it('fills the time in state from the last presence event and the missed offers from the log', () => {
    runSchemaMigrations(database, BEFORE);
    const event = database.prepare('INSERT INTO events (seq, type, interaction_id, callback_id, agent_id, at, body) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const declined = (seq: number, agentId: string, cause: string, at: string) =>
      event.run(seq, 'interaction.offer-declined', 'ix-1', 'cb-1', agentId, at, JSON.stringify({ type: 'interaction.offer-declined', seq, at, agentId, cause }));
    event.run(1, 'agent.presence-changed', null, null, 'agent-ada', '2026-03-10T14:00:00Z', '{}');
    declined(2, 'agent-ada', 'timeout', '2026-03-10T14:01:00.000Z');
    declined(3, 'agent-grace', 'agent-unavailable', '2026-03-10T14:02:00.000Z');
    declined(4, 'agent-grace', 'rejected', '2026-03-10T14:03:00.000Z');
    database.prepare("INSERT INTO agents (id, presence, presence_seq) VALUES ('agent-ada', 'available', 1)").run();
    database
      .prepare("INSERT INTO interactions (id, state, agent_id, queue_id, callback_id, seq, requested_at, scheduled_at, body) VALUES ('ix-1', 'queued', NULL, 'q-support', 'cb-1', 4, 0, NULL, '{}')")
      .run();

    expect(runSchemaMigrations(database, [...BEFORE, migration0005PresenceSinceAndMissedOffers])).toEqual([5]);
    expect(database.prepare("SELECT presence_since, chosen_presence FROM agents WHERE id = 'agent-ada'").get()).toEqual({
      presence_since: '2026-03-10T14:00:00Z',
      chosen_presence: null,
    });
    expect(database.prepare('SELECT seq, agent_id, queue_id, reason, at_ms FROM missed_offers ORDER BY seq').all()).toEqual([
      { seq: 2, agent_id: 'agent-ada', queue_id: 'q-support', reason: 'timeout', at_ms: Date.parse('2026-03-10T14:01:00.000Z') },
      { seq: 4, agent_id: 'agent-grace', queue_id: 'q-support', reason: 'rejected', at_ms: Date.parse('2026-03-10T14:03:00.000Z') },
    ]);
  });
});
