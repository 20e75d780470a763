import type { SchemaMigration } from './schema-migration';

/**
 * The log (`events`) and the read models kept in step with it in the same transaction.
 * Instants used for ordering are stored as epoch milliseconds, since ISO strings with
 * different offsets do not sort as text.
 */
export const migration0001Initial: SchemaMigration = {
  version: 1,
  name: 'initial',
  up(database) {
    database.exec(`
      CREATE TABLE events (
        seq INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        interaction_id TEXT,
        callback_id TEXT,
        agent_id TEXT,
        at TEXT NOT NULL,
        body TEXT NOT NULL
      );
      CREATE INDEX events_by_interaction ON events (interaction_id, seq) WHERE interaction_id IS NOT NULL;

      CREATE TABLE interactions (
        id TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        agent_id TEXT,
        queue_id TEXT NOT NULL,
        callback_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        requested_at INTEGER NOT NULL,
        scheduled_at INTEGER,
        body TEXT NOT NULL
      );
      CREATE INDEX interactions_by_seq ON interactions (seq);
      CREATE INDEX interactions_by_agent ON interactions (agent_id, seq);
      CREATE INDEX interactions_by_queue ON interactions (queue_id, seq);
      CREATE INDEX interactions_handled_by ON interactions (agent_id, callback_id);
      CREATE INDEX interactions_waiting ON interactions (state, queue_id, requested_at);
      CREATE INDEX interactions_open ON interactions (requested_at, id) WHERE state <> 'closed';
      CREATE INDEX interactions_scheduled ON interactions (scheduled_at) WHERE state = 'scheduled';

      CREATE TABLE callbacks (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        idempotency_key TEXT UNIQUE,
        request_hash TEXT,
        state TEXT NOT NULL,
        queue_id TEXT NOT NULL,
        requested_at INTEGER NOT NULL,
        search_text TEXT NOT NULL,
        body TEXT NOT NULL
      );
      CREATE INDEX callbacks_page ON callbacks (requested_at DESC, id DESC);
      CREATE INDEX callbacks_page_by_queue ON callbacks (queue_id, requested_at DESC, id DESC);
      CREATE INDEX callbacks_page_by_state ON callbacks (state, requested_at DESC, id DESC);

      -- definition: saved configuration (NULL when only presence events were seen);
      -- presence columns: projection of agent.presence-changed.
      CREATE TABLE agents (
        id TEXT PRIMARY KEY,
        definition TEXT,
        presence TEXT NOT NULL DEFAULT 'offline',
        available_since TEXT,
        presence_seq INTEGER
      );
      CREATE INDEX agents_available ON agents (presence) WHERE presence = 'available';

      CREATE TABLE queues (
        id TEXT PRIMARY KEY,
        body TEXT NOT NULL
      );

      -- All-time per-queue sums, updated by delta on every append (projection).
      CREATE TABLE queue_totals (
        queue_id TEXT PRIMARY KEY,
        offered INTEGER NOT NULL DEFAULT 0,
        answered INTEGER NOT NULL DEFAULT 0,
        no_answer INTEGER NOT NULL DEFAULT 0,
        preview_count INTEGER NOT NULL DEFAULT 0,
        preview_ms_sum INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE counters (
        name TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      );
      INSERT INTO counters (name, value) VALUES ('callback_number', 0);
    `);
  },
};
