import type { SchemaMigration } from './schema-migration';

/**
 * Outgoing webhooks (issue 21): subscriptions with their cursor in the event log, and the outbox of
 * deliveries per subscription. The outbox index serves "oldest pending delivery per callback".
 */
export const migration0006WebhookSubscriptions: SchemaMigration = {
  version: 6,
  name: 'webhook-subscriptions',
  up(database) {
    database.exec(`
      CREATE TABLE webhook_subscriptions (
        id TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        event_types TEXT NOT NULL,
        description TEXT,
        created_at TEXT NOT NULL,
        secret TEXT NOT NULL,
        cursor_seq INTEGER NOT NULL
      );
      CREATE TABLE webhook_outbox (
        subscription_id TEXT NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        event_type TEXT NOT NULL,
        order_key TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        next_attempt_at INTEGER NOT NULL,
        last_error TEXT,
        PRIMARY KEY (subscription_id, seq)
      ) WITHOUT ROWID;
      CREATE INDEX webhook_outbox_by_status ON webhook_outbox (subscription_id, status, order_key, seq);
    `);
  },
};
