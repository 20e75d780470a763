import { LeaseLostError, type Lease } from '@icc/core';
import { fixtureCreated, fixtureEvent } from '@icc/core/testing';
import type { IccEvent } from '@icc/protocol';
import { openPostgresEventStore, type PostgresEventStore } from './postgres-event-store';
import { queryDatabase, useTestDatabases } from './testing/test-databases';

const databases = useTestDatabases();

const settle = <Value>(promise: Promise<Value>) =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
const seqs = (events: readonly IccEvent[]) => events.map((event) => event.seq);

describe('PostgreSQL store: group commit', () => {
  let url: string;
  let store: PostgresEventStore;
  beforeEach(async () => {
    url = await databases.create();
    store = await openPostgresEventStore({ url, poolSize: 3 });
  });
  afterEach(() => store.close());

  it('commits appends made while another commits in one transaction, numbered in call order', async () => {
    await store.append([fixtureCreated(1)]);
    const commitsBefore = store.stats().commits;

    const appended = await Promise.all(Array.from({ length: 40 }, (_, index) => store.append([fixtureCreated(index + 2), fixtureEvent('interaction.offered', index + 2, { agentId: 'agent-ada' })])));

    expect(appended.map(seqs)).toEqual(Array.from({ length: 40 }, (_, index) => [2 + 2 * index, 3 + 2 * index]));
    expect(store.stats().commits - commitsBefore).toBeLessThanOrEqual(2);
    expect(await queryDatabase(url, 'SELECT count(*)::int AS n FROM callbacks')).toEqual([{ n: 41 }]);
    expect(await store.readAfter(0, 100)).toEqual([...(await store.readAfter(0, 1)), ...appended.flat()]);
  });

  it('rejects only the appends the fold refuses; the others of the group are written, with no gap in seq', async () => {
    const results = await Promise.all([
      settle(store.append([fixtureCreated(1)])),
      settle(store.append([fixtureCreated(2), fixtureEvent('interaction.customer-answered', 2)])),
      settle(store.append([fixtureCreated(3, { idempotencyKey: 'same' })])),
      settle(store.append([fixtureCreated(4, { idempotencyKey: 'same' })])),
      settle(store.append([fixtureCreated(5)])),
    ]);

    expect(results.map((result) => result.ok)).toEqual([true, false, true, false, true]);
    expect(results[3]).toMatchObject({ error: expect.objectContaining({ code: 'idempotency_conflict' }) });
    expect(seqs(await store.readAfter(0, 10))).toEqual([1, 2, 3]);
    expect((await store.readAfter(0, 10)).map((event) => 'callbackId' in event && event.callbackId)).toEqual(['cb-1', 'cb-3', 'cb-5']);
    expect(await store.getCallback('cb-2')).toBeUndefined();
    expect(await store.getCallback('cb-4')).toBeUndefined();
    expect(await store.openCallbacksWithNumbers('q-support', ['+14155552671'])).toHaveLength(3);
  });

  it('keeps fenced and unfenced appends in separate transactions, in call order', async () => {
    const lease = (await store.leases.acquire('queue:group', 'gw-a', 5_000)) as Lease;
    const stale: Lease = { ...lease, token: lease.token + 1 };
    const results = await Promise.all([
      settle(store.append([fixtureCreated(1)])),
      settle(store.appendFenced([fixtureCreated(2)], lease)),
      settle(store.appendFenced([fixtureCreated(3)], stale)),
      settle(store.append([fixtureCreated(4)])),
    ]);

    expect(results.map((result) => result.ok)).toEqual([true, true, false, true]);
    expect((results[2] as { error: unknown }).error).toBeInstanceOf(LeaseLostError);
    expect((await store.readAfter(0, 10)).map((event) => 'callbackId' in event && event.callbackId)).toEqual(['cb-1', 'cb-2', 'cb-4']);
  });

  it('when a row breaks a constraint, finds whose by committing each append of the group alone', async () => {
    await store.append([fixtureCreated(1)]);
    // A missed offer already at seq 4: the append whose offer lands there breaks missed_offers' key.
    await queryDatabase(
      url,
      "INSERT INTO missed_offers (seq, at, at_ms, agent_id, queue_id, interaction_id, callback_id, reason) VALUES (4, 'x', 0, 'a', 'q', 'ix-0', 'cb-0', 'declined')",
    );
    const offered = (n: number) => [fixtureCreated(n), fixtureEvent('interaction.offered', n, { agentId: 'agent-ada' }), fixtureEvent('interaction.offer-declined', n, { agentId: 'agent-ada' })];

    const results = await Promise.all([settle(store.append(offered(2))), settle(store.append([fixtureCreated(3)]))]);

    expect(results.map((result) => result.ok)).toEqual([false, true]);
    expect(results[0]).toMatchObject({ error: expect.objectContaining({ code: 'storage_unavailable' }) });
    expect((await store.readAfter(0, 10)).map((event) => [event.seq, 'callbackId' in event && event.callbackId])).toEqual([
      [1, 'cb-1'],
      [2, 'cb-3'],
    ]);
  });

  it('records webhook deliveries made while one commits in one transaction; the last record of a delivery wins', async () => {
    const now = Date.parse('2026-03-10T14:00:00Z');
    await Promise.all([
      ...Array.from({ length: 30 }, (_, index) => store.recordWebhookDelivery({ vendor: 'pushy', deliveryId: `d-${index}`, expiresAtMs: now + 60_000 }, now)),
      store.recordWebhookDelivery({ vendor: 'pushy', deliveryId: 'd-0', expiresAtMs: now + 120_000 }, now),
    ]);

    expect(await queryDatabase(url, 'SELECT count(*)::int AS n FROM webhook_deliveries')).toEqual([{ n: 30 }]);
    expect(await queryDatabase(url, "SELECT expires_at::bigint AS at FROM webhook_deliveries WHERE delivery_id = 'd-0'")).toEqual([{ at: String(now + 120_000) }]);
    expect(await store.hasWebhookDelivery('pushy', 'd-29', now)).toBe(true);
    // Rows written by one transaction share its xmin: all records were made in the same tick, so one group.
    expect(await queryDatabase(url, 'SELECT count(DISTINCT xmin::text)::int AS n FROM webhook_deliveries')).toEqual([{ n: 1 }]);
  });

  it('records deliveries whose ids need quoting (the statements are sent with BEGIN, values inlined), and prunes expired ones', async () => {
    const now = Date.parse('2026-03-10T14:00:00Z');
    const awkward = "d-'1\\'); DROP TABLE events; --";
    await store.recordWebhookDelivery({ vendor: "pu'shy", deliveryId: awkward, expiresAtMs: now + 60_000 }, now);
    await store.recordWebhookDelivery({ vendor: 'pushy', deliveryId: 'old', expiresAtMs: now + 1_000 }, now);
    expect(await store.hasWebhookDelivery("pu'shy", awkward, now)).toBe(true);
    expect(await store.hasWebhookDelivery('pushy', awkward, now)).toBe(false);

    await store.recordWebhookDelivery({ vendor: 'pushy', deliveryId: 'new', expiresAtMs: now + 120_000 }, now + 2_000);
    expect(await queryDatabase(url, 'SELECT delivery_id FROM webhook_deliveries ORDER BY delivery_id')).toEqual([{ delivery_id: awkward }, { delivery_id: 'new' }]);
    expect(await store.headSeq()).toBe(0);
  });
});
