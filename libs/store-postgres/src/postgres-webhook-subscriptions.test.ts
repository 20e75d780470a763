import pg from 'pg';
import type { StoredWebhookSubscription } from '@icc/core';
import { openPostgresEventStore } from './postgres-event-store';
import { blockedBackend, queryDatabase, useTestDatabases } from './testing/test-databases';

const databases = useTestDatabases();
const subscription: StoredWebhookSubscription = {
  id: 'whs_a',
  url: 'https://hooks.example.com/icc',
  eventTypes: ['callback.created'],
  createdAt: '2026-03-10T09:00:00.000Z',
  secret: 'secret',
  cursorSeq: 0,
};
const entry = (seq: number) => ({ seq, orderKey: `callback:${seq % 3}`, eventType: 'callback.created' as const });

/** What two gateways sharing one database may do to one subscription at once. */
describe('webhook subscriptions on PostgreSQL, two stores on one database', () => {
  it('enqueue the same events at once: each delivery once, the cursor at the furthest', async () => {
    const url = await databases.create();
    const [first, second] = await Promise.all([openPostgresEventStore({ url, poolSize: 3 }), openPostgresEventStore({ url, poolSize: 3 })]);
    try {
      await first.webhookSubscriptions.create(subscription);
      // Each store examines overlapping stretches of the log, in no particular order.
      await Promise.all(
        Array.from({ length: 16 }, (_, index) => {
          const store = index % 2 === 0 ? first : second;
          const upTo = 40 - ((index * 7) % 31);
          return store.webhookSubscriptions.enqueue('whs_a', Array.from({ length: 10 }, (_, offset) => entry(upTo - offset)), upTo);
        }),
      );
      const seqs = await queryDatabase<{ seq: number }>(url, "SELECT seq::int AS seq FROM webhook_outbox WHERE subscription_id = 'whs_a' ORDER BY seq");
      expect(new Set(seqs.map((row) => row.seq)).size).toBe(seqs.length);
      expect((await second.webhookSubscriptions.get('whs_a'))?.cursorSeq).toBe(40);
      expect((await second.webhookSubscriptions.counts('whs_a')).pending).toBe(seqs.length);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('a subscription removed while an enqueue for it waits leaves no outbox row and no error', async () => {
    const url = await databases.create();
    const store = await openPostgresEventStore({ url, poolSize: 2 });
    const remover = new pg.Client(url);
    remover.on('error', () => undefined);
    await remover.connect();
    try {
      await store.webhookSubscriptions.create(subscription);
      // Another gateway's remove, not yet committed, holds the subscription's row.
      await remover.query('BEGIN');
      await remover.query("DELETE FROM webhook_subscriptions WHERE id = 'whs_a'");
      const removerPid = (await remover.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid ?? 0;
      const enqueuing = store.webhookSubscriptions.enqueue('whs_a', [entry(1), entry(2)], 2);
      await blockedBackend(url, removerPid);
      await remover.query('COMMIT');
      await expect(enqueuing).resolves.toBeUndefined();
      expect(await queryDatabase(url, 'SELECT * FROM webhook_outbox')).toEqual([]);
      expect(await store.webhookSubscriptions.get('whs_a')).toBeUndefined();
    } finally {
      await remover.end();
      await store.close();
    }
  });
});
