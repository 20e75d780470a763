import type { Database } from 'better-sqlite3';
import type { OutboxDelivery, OutboxStatus, StoredWebhookSubscription, WebhookSubscriptionStore } from '@icc/core';
import type { OutboundEventType } from '@icc/protocol';

interface SubscriptionRow {
  id: string;
  url: string;
  event_types: string;
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
  eventTypes: JSON.parse(row.event_types) as OutboundEventType[],
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

/**
 * The `webhook_subscriptions` and `webhook_outbox` tables (migration 0006). `durably` runs a write in
 * the store's group commit, so it resolves once fsync'd, in order with the appends.
 */
export function createSqliteWebhookSubscriptions(
  database: Database,
  durably: <Result>(write: () => Result) => Promise<Result>,
): WebhookSubscriptionStore {
  const insertSubscription = database.prepare<[string, string, string, string | null, string, string, number]>(
    'INSERT INTO webhook_subscriptions (id, url, event_types, description, created_at, secret, cursor_seq) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const allSubscriptions = database.prepare<[], SubscriptionRow>('SELECT * FROM webhook_subscriptions ORDER BY created_at, id');
  const subscriptionById = database.prepare<[string], SubscriptionRow>('SELECT * FROM webhook_subscriptions WHERE id = ?');
  const deleteSubscription = database.prepare<[string]>('DELETE FROM webhook_subscriptions WHERE id = ?');
  const insertEntry = database.prepare<[string, number, string, string]>(
    `INSERT OR IGNORE INTO webhook_outbox (subscription_id, seq, event_type, order_key, status, attempts, next_attempt_at)
     VALUES (?, ?, ?, ?, 'pending', 0, 0)`,
  );
  const moveCursor = database.prepare<[number, string]>('UPDATE webhook_subscriptions SET cursor_seq = max(cursor_seq, ?) WHERE id = ?');
  // The oldest pending delivery of each order key; a key whose head is not due yet yields nothing.
  const dueHeads = database.prepare<[string, string, number, number], OutboxRow>(
    `SELECT outbox.* FROM webhook_outbox AS outbox
       JOIN (SELECT order_key, min(seq) AS head FROM webhook_outbox WHERE subscription_id = ? AND status = 'pending' GROUP BY order_key) AS heads
         ON outbox.seq = heads.head
      WHERE outbox.subscription_id = ? AND outbox.next_attempt_at <= ?
      ORDER BY outbox.seq LIMIT ?`,
  );
  const nextDue = database.prepare<[string], { at: number | null }>(
    "SELECT min(next_attempt_at) AS at FROM webhook_outbox WHERE subscription_id = ? AND status = 'pending'",
  );
  const setDelivered = database.prepare<[string, number]>(
    "UPDATE webhook_outbox SET status = 'delivered', attempts = attempts + 1, last_error = NULL WHERE subscription_id = ? AND seq = ?",
  );
  const setFailed = database.prepare<[string, number, string, string, number]>(
    'UPDATE webhook_outbox SET status = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE subscription_id = ? AND seq = ?',
  );
  const deadRows = database.prepare<[string, number], OutboxRow>(
    "SELECT * FROM webhook_outbox WHERE subscription_id = ? AND status = 'dead' ORDER BY seq LIMIT ?",
  );
  const revive = database.prepare<[string, number]>(
    "UPDATE webhook_outbox SET status = 'pending', attempts = 0, next_attempt_at = 0 WHERE subscription_id = ? AND seq = ? AND status = 'dead'",
  );
  const replay = database.prepare<[string, number]>(
    "UPDATE webhook_outbox SET status = 'pending', attempts = 0, next_attempt_at = 0, last_error = NULL WHERE subscription_id = ? AND seq >= ?",
  );
  const countRows = database.prepare<[string], { status: string; count: number }>(
    'SELECT status, count(*) AS count FROM webhook_outbox WHERE subscription_id = ? GROUP BY status',
  );

  return {
    create: (subscription) =>
      durably(() => {
        insertSubscription.run(
          subscription.id,
          subscription.url,
          JSON.stringify(subscription.eventTypes),
          subscription.description ?? null,
          subscription.createdAt,
          subscription.secret,
          subscription.cursorSeq,
        );
      }),
    list: () => allSubscriptions.all().map(toSubscription),
    get: (id) => {
      const row = subscriptionById.get(id);
      return row && toSubscription(row);
    },
    remove: (id) => durably(() => deleteSubscription.run(id).changes > 0),
    enqueue: (subscriptionId, entries, cursorSeq) =>
      durably(() => {
        if (!subscriptionById.get(subscriptionId)) return;
        for (const entry of entries) insertEntry.run(subscriptionId, entry.seq, entry.eventType, entry.orderKey);
        moveCursor.run(cursorSeq, subscriptionId);
      }),
    due: (subscriptionId, nowMs, limit) => dueHeads.all(subscriptionId, subscriptionId, nowMs, limit).map(toDelivery),
    nextDueAtMs: (subscriptionId) => nextDue.get(subscriptionId)?.at ?? undefined,
    markDelivered: (subscriptionId, seq) =>
      durably(() => {
        setDelivered.run(subscriptionId, seq);
      }),
    markFailed: (subscriptionId, seq, failure) =>
      durably(() => {
        setFailed.run(failure.dead ? 'dead' : 'pending', failure.nextAttemptAtMs, failure.error.slice(0, 500), subscriptionId, seq);
      }),
    deadLetters: (subscriptionId, limit) => deadRows.all(subscriptionId, limit).map(toDelivery),
    redeliver: (subscriptionId, seq) => durably(() => revive.run(subscriptionId, seq).changes > 0),
    replayFrom: (subscriptionId, fromSeq) => durably(() => replay.run(subscriptionId, fromSeq).changes),
    counts(subscriptionId) {
      const counts = { pending: 0, delivered: 0, dead: 0 };
      for (const row of countRows.all(subscriptionId)) counts[row.status as OutboxStatus] = row.count;
      return counts;
    },
  };
}
