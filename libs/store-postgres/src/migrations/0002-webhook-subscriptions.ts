import type { PostgresMigration } from './postgres-migration';

/**
 * Outgoing webhooks: subscriptions with their cursor in the event log, and the outbox of deliveries
 * per subscription — store-sqlite's migration 0006 on PostgreSQL. The outbox index serves "oldest
 * pending delivery per order key". Retry times are epoch milliseconds (bigint). Ids and creation
 * times compare as "C" (byte order), so subscriptions list in SQLite's order whatever the database's locale.
 */
export const migration0002WebhookSubscriptions: PostgresMigration = {
  version: 2,
  name: 'webhook-subscriptions',
  sql: `
    CREATE TABLE webhook_subscriptions (
      id text COLLATE "C" PRIMARY KEY,
      url text NOT NULL,
      event_types jsonb NOT NULL,
      description text,
      created_at text COLLATE "C" NOT NULL,
      secret text NOT NULL,
      cursor_seq bigint NOT NULL
    );
    CREATE TABLE webhook_outbox (
      subscription_id text COLLATE "C" NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
      seq bigint NOT NULL,
      event_type text NOT NULL,
      order_key text NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
      attempts integer NOT NULL,
      next_attempt_at bigint NOT NULL,
      last_error text,
      PRIMARY KEY (subscription_id, seq)
    );
    CREATE INDEX webhook_outbox_by_status ON webhook_outbox (subscription_id, status, order_key, seq);
  `,
};
