import type { PostgresMigration } from './postgres-migration';

/**
 * The log and every read model store-sqlite keeps after its migrations 0001–0005, in one step
 * (PostgreSQL starts at that schema). Instants used for ordering are epoch milliseconds (bigint);
 * bodies are jsonb so the vendor's id can be indexed as an expression.
 */
export const migration0001Initial: PostgresMigration = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE events (
      seq bigint PRIMARY KEY,
      type text NOT NULL,
      interaction_id text,
      callback_id text,
      agent_id text,
      at text NOT NULL,
      body jsonb NOT NULL
    );
    CREATE INDEX events_by_interaction ON events (interaction_id, seq) WHERE interaction_id IS NOT NULL;

    CREATE TABLE interactions (
      id text PRIMARY KEY,
      state text NOT NULL,
      agent_id text,
      queue_id text NOT NULL,
      callback_id text NOT NULL,
      seq bigint NOT NULL,
      requested_at bigint NOT NULL,
      scheduled_at bigint,
      body jsonb NOT NULL
    );
    CREATE INDEX interactions_by_seq ON interactions (seq);
    CREATE INDEX interactions_by_agent ON interactions (agent_id, seq);
    CREATE INDEX interactions_by_queue ON interactions (queue_id, seq);
    CREATE INDEX interactions_handled_by ON interactions (agent_id, callback_id);
    CREATE INDEX interactions_waiting ON interactions (state, queue_id, requested_at);
    CREATE INDEX interactions_open ON interactions (requested_at, id) WHERE state <> 'closed';
    CREATE INDEX interactions_scheduled ON interactions (scheduled_at) WHERE state = 'scheduled';
    CREATE INDEX interactions_by_vendor_ref ON interactions ((body->>'vendorRef')) WHERE body ? 'vendorRef';

    CREATE TABLE callbacks (
      id text PRIMARY KEY,
      number text NOT NULL UNIQUE,
      idempotency_key text UNIQUE,
      request_hash text,
      state text NOT NULL,
      queue_id text NOT NULL,
      requested_at bigint NOT NULL,
      search_text text NOT NULL,
      body jsonb NOT NULL
    );
    CREATE INDEX callbacks_page ON callbacks (requested_at DESC, id DESC);
    CREATE INDEX callbacks_page_by_queue ON callbacks (queue_id, requested_at DESC, id DESC);
    CREATE INDEX callbacks_page_by_state ON callbacks (state, requested_at DESC, id DESC);

    CREATE TABLE agents (
      id text PRIMARY KEY,
      definition jsonb,
      presence text NOT NULL DEFAULT 'offline',
      available_since text,
      presence_seq bigint,
      presence_since text,
      chosen_presence text
    );

    CREATE TABLE queues (id text PRIMARY KEY, body jsonb NOT NULL);
    CREATE TABLE queue_versions (
      queue_id text NOT NULL,
      version integer NOT NULL,
      changed_at text NOT NULL,
      changed_by text NOT NULL,
      removed boolean NOT NULL,
      body jsonb NOT NULL,
      PRIMARY KEY (queue_id, version)
    );

    CREATE TABLE queue_totals (
      queue_id text PRIMARY KEY,
      offered bigint NOT NULL DEFAULT 0,
      answered bigint NOT NULL DEFAULT 0,
      no_answer bigint NOT NULL DEFAULT 0,
      preview_count bigint NOT NULL DEFAULT 0,
      preview_ms_sum bigint NOT NULL DEFAULT 0
    );

    CREATE TABLE counters (name text PRIMARY KEY, value bigint NOT NULL);
    INSERT INTO counters (name, value) VALUES ('callback_number', 0);

    CREATE TABLE webhook_deliveries (
      vendor text NOT NULL,
      delivery_id text NOT NULL,
      expires_at bigint NOT NULL,
      PRIMARY KEY (vendor, delivery_id)
    );
    CREATE INDEX webhook_deliveries_by_expiry ON webhook_deliveries (expires_at);

    CREATE TABLE missed_offers (
      seq bigint PRIMARY KEY,
      at text NOT NULL,
      at_ms bigint NOT NULL,
      agent_id text NOT NULL,
      queue_id text NOT NULL,
      interaction_id text NOT NULL,
      callback_id text NOT NULL,
      reason text NOT NULL
    );
    CREATE INDEX missed_offers_by_agent ON missed_offers (agent_id, at_ms);
    CREATE INDEX missed_offers_by_queue ON missed_offers (queue_id, at_ms);
    CREATE INDEX missed_offers_by_time ON missed_offers (at_ms);
  `,
};
