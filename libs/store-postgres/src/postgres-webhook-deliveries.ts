import { escapeLiteral, type Pool } from 'pg';
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
  // Both statements go with BEGIN, in one round trip; then COMMIT.
  const write = (records: readonly WebhookDeliveryRecord[], nowMs: number) =>
    inTransaction(pool, attempts, async () => undefined, 'write', [upsertStatement(records), pruneStatement(nowMs, PRUNED_PER_RECORD * records.length)]);

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

/** One row per delivery (an upsert may not touch a row twice): the last record of it wins, as one after another would. */
function upsertStatement(records: readonly WebhookDeliveryRecord[]): string {
  const byKey = new Map<string, WebhookDeliveryRecord>();
  for (const record of records) byKey.set(JSON.stringify([record.vendor, record.deliveryId]), record);
  const rows = [...byKey.values()].map((row) => `(${escapeLiteral(row.vendor)}, ${escapeLiteral(row.deliveryId)}, ${integer(row.expiresAtMs)})`);
  return `INSERT INTO webhook_deliveries (vendor, delivery_id, expires_at) VALUES ${rows.join(', ')}
    ON CONFLICT (vendor, delivery_id) DO UPDATE SET expires_at = excluded.expires_at`;
}

function pruneStatement(nowMs: number, limit: number): string {
  return `DELETE FROM webhook_deliveries WHERE (vendor, delivery_id) IN (
    SELECT vendor, delivery_id FROM webhook_deliveries WHERE expires_at <= ${integer(nowMs)} ORDER BY expires_at LIMIT ${integer(limit)} FOR UPDATE SKIP LOCKED)`;
}

/** A number inlined into SQL: whole milliseconds and counts only. */
function integer(value: number): string {
  const whole = Math.trunc(value);
  if (!Number.isSafeInteger(whole)) throw new RangeError(`Not an integer for SQL: ${value}`);
  return String(whole);
}
