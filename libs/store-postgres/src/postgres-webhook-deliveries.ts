import type { Pool } from 'pg';
import { inTransaction, type TransactionOptions } from './postgres-transactions';
import { createWriteGroups } from './postgres-write-groups';

export interface WebhookDeliveryRecord {
  vendor: string;
  deliveryId: string;
  expiresAtMs: number;
}

/** Records in one transaction at most. */
const MAX_GROUP = 500;
/** Expired rows pruned per recorded delivery: bounded work, more than each record adds. */
const PRUNED_PER_RECORD = 16;

/**
 * Records of vendor webhook deliveries (replay protection), grouped like appends: the records made
 * while one transaction commits share the next, so a busy vendor costs one COMMIT (one WAL flush)
 * per group instead of one per delivery. A record resolves once its transaction has committed.
 */
export function createPostgresWebhookDeliveries(pool: Pool, attempts: TransactionOptions) {
  const write = (records: readonly WebhookDeliveryRecord[], nowMs: number) =>
    inTransaction(pool, attempts, async (client) => {
      // One row per delivery (an upsert may not touch a row twice): the last record of it wins, as one after another would.
      const byKey = new Map<string, WebhookDeliveryRecord>();
      for (const record of records) byKey.set(JSON.stringify([record.vendor, record.deliveryId]), record);
      const rows = [...byKey.values()];
      await client.query(
        `INSERT INTO webhook_deliveries (vendor, delivery_id, expires_at) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])
         ON CONFLICT (vendor, delivery_id) DO UPDATE SET expires_at = excluded.expires_at`,
        [rows.map((row) => row.vendor), rows.map((row) => row.deliveryId), rows.map((row) => row.expiresAtMs)],
      );
      await client.query(
        `DELETE FROM webhook_deliveries WHERE (vendor, delivery_id) IN (
           SELECT vendor, delivery_id FROM webhook_deliveries WHERE expires_at <= $1 ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED)`,
        [nowMs, PRUNED_PER_RECORD * records.length],
      );
    });

  const groups = createWriteGroups<{ record: WebhookDeliveryRecord; nowMs: number; resolve(): void; reject(error: unknown): void }>(
    (waiting) => waiting.splice(0, MAX_GROUP),
    async (group) => {
      try {
        await write(
          group.map((entry) => entry.record),
          Math.max(...group.map((entry) => entry.nowMs)),
        );
        group.forEach((entry) => entry.resolve());
      } catch (error) {
        group.forEach((entry) => entry.reject(error));
      }
    },
  );

  return {
    record(record: WebhookDeliveryRecord, nowMs: number): Promise<void> {
      return new Promise<void>((resolve, reject) => groups.add({ record, nowMs, resolve, reject }));
    },
    settled: () => groups.settled(),
  };
}
