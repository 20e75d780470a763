import type { SchemaMigration } from './schema-migration';

/**
 * Vendor webhook deliveries the gateway processed, so a replay is refused after a restart too.
 * Expiries are epoch milliseconds; the index serves the pruning of expired rows.
 */
export const migration0002WebhookDeliveries: SchemaMigration = {
  version: 2,
  name: 'webhook-deliveries',
  up(database) {
    database.exec(`
      CREATE TABLE webhook_deliveries (
        vendor TEXT NOT NULL,
        delivery_id TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (vendor, delivery_id)
      ) WITHOUT ROWID;
      CREATE INDEX webhook_deliveries_by_expiry ON webhook_deliveries (expires_at);
    `);
  },
};
