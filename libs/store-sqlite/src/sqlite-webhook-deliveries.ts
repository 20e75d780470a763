import type { Database } from 'better-sqlite3';
import type { WebhookDeliveryRecord } from '@icc/core';

/** Expired rows deleted per record: bounded work, and still more than one record adds. */
const PRUNE_BATCH = 16;

export interface SqliteWebhookDeliveries {
  has(vendor: string, deliveryId: string, nowMs: number): boolean;
  /** Upserts the record and deletes a few rows expired at `nowMs`; run it inside a transaction. */
  write(delivery: WebhookDeliveryRecord, nowMs: number): void;
}

/** The `webhook_deliveries` table (migration 0002). */
export function createSqliteWebhookDeliveries(database: Database): SqliteWebhookDeliveries {
  const unexpired = database.prepare<[string, string, number], { found: number }>(
    'SELECT 1 AS found FROM webhook_deliveries WHERE vendor = ? AND delivery_id = ? AND expires_at > ?',
  );
  const upsert = database.prepare<[string, string, number]>(
    `INSERT INTO webhook_deliveries (vendor, delivery_id, expires_at) VALUES (?, ?, ?)
     ON CONFLICT (vendor, delivery_id) DO UPDATE SET expires_at = excluded.expires_at`,
  );
  // Found, then deleted by key: one DELETE … WHERE (vendor, delivery_id) IN (SELECT … LIMIT ?) builds a temporary
  // table on every run, even with nothing expired: 17–22 µs a record against 9 µs, 2.8 % of fan-out's CPU against 1.1 %.
  const expired = database.prepare<[number, number], { vendor: string; delivery_id: string }>(
    'SELECT vendor, delivery_id FROM webhook_deliveries WHERE expires_at <= ? ORDER BY expires_at LIMIT ?',
  );
  const remove = database.prepare<[string, string]>('DELETE FROM webhook_deliveries WHERE vendor = ? AND delivery_id = ?');
  return {
    has: (vendor, deliveryId, nowMs) => unexpired.get(vendor, deliveryId, nowMs) !== undefined,
    write(delivery, nowMs) {
      upsert.run(delivery.vendor, delivery.deliveryId, delivery.expiresAtMs);
      for (const row of expired.all(nowMs, PRUNE_BATCH)) remove.run(row.vendor, row.delivery_id);
    },
  };
}
