import type { Pool, PoolClient } from 'pg';
import type { AsyncWebhookSubscriptionStore, OutboxDelivery, OutboxStatus, StoredWebhookSubscription } from '@icc/core';
import type { OutboundEventType } from '@icc/protocol';

interface SubscriptionRow {
  id: string;
  url: string;
  event_types: OutboundEventType[];
  description: string | null;
  created_at: string;
  secret: string;
  cursor_seq: number;
}

interface OutboxRow {
  subscription_id: string;
  seq: number;
  event_type: string;
  order_key: string;
  status: string;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
}

const toSubscription = (row: SubscriptionRow): StoredWebhookSubscription => ({
  id: row.id,
  url: row.url,
  eventTypes: row.event_types,
  ...(row.description === null ? {} : { description: row.description }),
  createdAt: row.created_at,
  secret: row.secret,
  cursorSeq: row.cursor_seq,
});

const toDelivery = (row: OutboxRow): OutboxDelivery => ({
  subscriptionId: row.subscription_id,
  seq: row.seq,
  eventType: row.event_type as OutboundEventType,
  orderKey: row.order_key,
  status: row.status as OutboxStatus,
  attempts: row.attempts,
  nextAttemptAtMs: row.next_attempt_at,
  ...(row.last_error === null ? {} : { lastError: row.last_error }),
});

/** What the store lends: reads on the pool, writes in one retried transaction each (see `inTransaction`). */
export interface PostgresAccess {
  pool: Pool;
  read: <Result>(reading: () => Promise<Result>) => Promise<Result>;
  write: <Result>(work: (client: PoolClient) => Promise<Result>) => Promise<Result>;
}

// Per order key its oldest pending delivery; a key whose head is not due yet yields nothing.
const DUE_HEADS = `
  SELECT * FROM (
    SELECT DISTINCT ON (order_key) * FROM webhook_outbox
     WHERE subscription_id = $1 AND status = 'pending'
     ORDER BY order_key, seq
  ) AS heads
  WHERE next_attempt_at <= $2
  ORDER BY seq LIMIT $3`;

/**
 * The `webhook_subscriptions` and `webhook_outbox` tables (migration 0002), with store-sqlite's
 * semantics. A write is retried only when the server rolled it back (`inTransaction`), so none applies twice.
 */
export function createPostgresWebhookSubscriptions({ pool, read, write }: PostgresAccess): AsyncWebhookSubscriptionStore {
  const rows = async <Row extends object>(sql: string, params: unknown[]) => (await pool.query<Row>(sql, params)).rows;
  const changed = async (client: PoolClient, sql: string, params: unknown[]) => ((await client.query(sql, params)).rowCount ?? 0);

  return {
    create: (subscription) =>
      write(async (client) => {
        await client.query(
          'INSERT INTO webhook_subscriptions (id, url, event_types, description, created_at, secret, cursor_seq) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [
            subscription.id,
            subscription.url,
            JSON.stringify(subscription.eventTypes),
            subscription.description ?? null,
            subscription.createdAt,
            subscription.secret,
            subscription.cursorSeq,
          ],
        );
      }),
    list: () => read(async () => (await rows<SubscriptionRow>('SELECT * FROM webhook_subscriptions ORDER BY created_at, id', [])).map(toSubscription)),
    get: (id) =>
      read(async () => {
        const [row] = await rows<SubscriptionRow>('SELECT * FROM webhook_subscriptions WHERE id = $1', [id]);
        return row && toSubscription(row);
      }),
    remove: (id) => write(async (client) => (await changed(client, 'DELETE FROM webhook_subscriptions WHERE id = $1', [id])) > 0),
    enqueue: (subscriptionId, entries, cursorSeq) =>
      write(async (client) => {
        // Locked to the end of the transaction: a concurrent remove waits, so no entry outlives its subscription.
        const found = await client.query('SELECT 1 FROM webhook_subscriptions WHERE id = $1 FOR UPDATE', [subscriptionId]);
        if (found.rowCount === 0) return;
        if (entries.length > 0) {
          await client.query(
            `INSERT INTO webhook_outbox (subscription_id, seq, event_type, order_key, status, attempts, next_attempt_at)
             SELECT $1, entry.seq, entry.event_type, entry.order_key, 'pending', 0, 0
               FROM unnest($2::bigint[], $3::text[], $4::text[]) AS entry (seq, event_type, order_key)
             ON CONFLICT (subscription_id, seq) DO NOTHING`,
            [subscriptionId, entries.map((entry) => entry.seq), entries.map((entry) => entry.eventType), entries.map((entry) => entry.orderKey)],
          );
        }
        // Never back: a slower gateway examining older events cannot undo a newer one's progress.
        await client.query('UPDATE webhook_subscriptions SET cursor_seq = GREATEST(cursor_seq, $1) WHERE id = $2', [cursorSeq, subscriptionId]);
      }),
    due: (subscriptionId, nowMs, limit) => read(async () => (await rows<OutboxRow>(DUE_HEADS, [subscriptionId, nowMs, Math.max(0, limit)])).map(toDelivery)),
    nextDueAtMs: (subscriptionId) =>
      read(async () => {
        const [row] = await rows<{ at: number | null }>("SELECT min(next_attempt_at) AS at FROM webhook_outbox WHERE subscription_id = $1 AND status = 'pending'", [
          subscriptionId,
        ]);
        return row?.at ?? undefined;
      }),
    markDelivered: (subscriptionId, seq) =>
      write(async (client) => {
        await client.query(
          "UPDATE webhook_outbox SET status = 'delivered', attempts = attempts + 1, last_error = NULL WHERE subscription_id = $1 AND seq = $2",
          [subscriptionId, seq],
        );
      }),
    markFailed: (subscriptionId, seq, failure) =>
      write(async (client) => {
        await client.query('UPDATE webhook_outbox SET status = $1, attempts = attempts + 1, next_attempt_at = $2, last_error = $3 WHERE subscription_id = $4 AND seq = $5', [
          failure.dead ? 'dead' : 'pending',
          failure.nextAttemptAtMs,
          failure.error.slice(0, 500),
          subscriptionId,
          seq,
        ]);
      }),
    deadLetters: (subscriptionId, limit) =>
      read(async () =>
        (await rows<OutboxRow>("SELECT * FROM webhook_outbox WHERE subscription_id = $1 AND status = 'dead' ORDER BY seq LIMIT $2", [subscriptionId, Math.max(0, limit)])).map(
          toDelivery,
        ),
      ),
    redeliver: (subscriptionId, seq) =>
      write(
        async (client) =>
          (await changed(client, "UPDATE webhook_outbox SET status = 'pending', attempts = 0, next_attempt_at = 0 WHERE subscription_id = $1 AND seq = $2 AND status = 'dead'", [
            subscriptionId,
            seq,
          ])) > 0,
      ),
    replayFrom: (subscriptionId, fromSeq) =>
      write((client) =>
        changed(client, "UPDATE webhook_outbox SET status = 'pending', attempts = 0, next_attempt_at = 0, last_error = NULL WHERE subscription_id = $1 AND seq >= $2", [
          subscriptionId,
          fromSeq,
        ]),
      ),
    counts: (subscriptionId) =>
      read(async () => {
        const counts = { pending: 0, delivered: 0, dead: 0 };
        for (const row of await rows<{ status: OutboxStatus; count: number }>('SELECT status, count(*) AS count FROM webhook_outbox WHERE subscription_id = $1 GROUP BY status', [
          subscriptionId,
        ])) {
          counts[row.status] = row.count;
        }
        return counts;
      }),
  };
}
