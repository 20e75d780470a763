import type { StoredWebhookSubscription } from '../ports/webhook-subscriptions';
import { useEventStore, type CreateEventStore } from './use-event-store';

const subscription = (id: string, cursorSeq = 0): StoredWebhookSubscription => ({
  id,
  url: 'https://hooks.example.com/icc',
  eventTypes: ['callback.created', 'callback.closed'],
  createdAt: '2026-03-10T09:00:00.000Z',
  secret: `secret-of-${id}`,
  cursorSeq,
});
const entry = (seq: number, orderKey: string) => ({ seq, orderKey, eventType: 'callback.created' as const });

/** Webhook subscriptions and their outbox, through the async port (every call awaited) so every store runs it. */
export function describeEventStoreWebhookSubscriptionContract(createStore: CreateEventStore): void {
  describe('webhook subscriptions', () => {
    const store = useEventStore(createStore);
    const subs = () => store().webhookSubscriptions;
    const dueSeqs = async (id: string, nowMs: number) => (await subs().due(id, nowMs, 10)).map((due) => due.seq);

    it('creates, lists, reads and removes subscriptions with their secret and cursor', async () => {
      await subs().create(subscription('whs_a', 7));
      await subs().create({ ...subscription('whs_b'), description: 'CRM' });
      expect((await subs().list()).map((found) => found.id)).toEqual(['whs_a', 'whs_b']);
      expect(await subs().get('whs_a')).toEqual(subscription('whs_a', 7));
      expect((await subs().get('whs_b'))?.description).toBe('CRM');
      expect(await subs().remove('whs_a')).toBe(true);
      expect(await subs().remove('whs_a')).toBe(false);
      expect(await subs().get('whs_a')).toBeUndefined();
    });

    it('lists subscriptions oldest first, ties by id, whatever order they were created in', async () => {
      await subs().create({ ...subscription('whs_late'), createdAt: '2026-03-10T09:05:00.000Z' });
      await subs().create(subscription('whs_b'));
      await subs().create(subscription('whs_a'));
      expect((await subs().list()).map((found) => found.id)).toEqual(['whs_a', 'whs_b', 'whs_late']);
    });

    it('moves the cursor with the entries it enqueues, never back', async () => {
      await subs().create(subscription('whs_a'));
      await subs().enqueue('whs_a', [entry(3, 'callback:x')], 5);
      expect((await subs().get('whs_a'))?.cursorSeq).toBe(5);
      await subs().enqueue('whs_a', [], 4);
      expect((await subs().get('whs_a'))?.cursorSeq).toBe(5);
      expect(await subs().counts('whs_a')).toEqual({ pending: 1, delivered: 0, dead: 0 });
    });

    it('hands out only the oldest pending delivery of each order key, when due', async () => {
      await subs().create(subscription('whs_a'));
      await subs().enqueue('whs_a', [entry(1, 'callback:x'), entry(2, 'callback:y'), entry(3, 'callback:x')], 3);
      expect(await dueSeqs('whs_a', 0)).toEqual([1, 2]);
      await subs().markFailed('whs_a', 1, { error: 'HTTP 500', nextAttemptAtMs: 1_000, dead: false });
      // x waits for its first event; y is not blocked.
      expect(await dueSeqs('whs_a', 999)).toEqual([2]);
      expect(await subs().nextDueAtMs('whs_a')).toBe(0);
      expect(await subs().due('whs_a', 1_000, 10)).toEqual([
        expect.objectContaining({ seq: 1, attempts: 1, lastError: 'HTTP 500', status: 'pending' }),
        expect.objectContaining({ seq: 2 }),
      ]);
      await subs().markDelivered('whs_a', 1);
      await subs().markDelivered('whs_a', 2);
      expect(await dueSeqs('whs_a', 1_000)).toEqual([3]);
      expect(await subs().counts('whs_a')).toEqual({ pending: 1, delivered: 2, dead: 0 });
    });

    it('dead-letters, which unblocks the key, and redelivers a dead letter', async () => {
      await subs().create(subscription('whs_a'));
      await subs().enqueue('whs_a', [entry(1, 'callback:x'), entry(2, 'callback:x')], 2);
      await subs().markFailed('whs_a', 1, { error: 'HTTP 500', nextAttemptAtMs: 0, dead: true });
      expect(await subs().deadLetters('whs_a', 10)).toEqual([expect.objectContaining({ seq: 1, status: 'dead', attempts: 1, lastError: 'HTTP 500' })]);
      expect(await dueSeqs('whs_a', 0)).toEqual([2]);
      expect(await subs().redeliver('whs_a', 2)).toBe(false);
      expect(await subs().redeliver('whs_a', 1)).toBe(true);
      expect(await subs().deadLetters('whs_a', 10)).toEqual([]);
      expect(await subs().due('whs_a', 0, 10)).toEqual([expect.objectContaining({ seq: 1, attempts: 0 })]);
    });

    it('replays every delivery from a sequence', async () => {
      await subs().create(subscription('whs_a'));
      await subs().enqueue('whs_a', [entry(1, 'callback:x'), entry(2, 'callback:x'), entry(3, 'callback:y')], 3);
      for (const seq of [1, 2, 3]) await subs().markDelivered('whs_a', seq);
      expect(await subs().replayFrom('whs_a', 2)).toBe(2);
      expect(await dueSeqs('whs_a', 0)).toEqual([2, 3]);
      expect(await subs().counts('whs_a')).toEqual({ pending: 2, delivered: 1, dead: 0 });
    });

    it('enqueues each event once: a re-examined event keeps its delivery state', async () => {
      await subs().create(subscription('whs_a'));
      await subs().enqueue('whs_a', [entry(1, 'callback:x')], 1);
      await subs().markDelivered('whs_a', 1);
      // After a crash between delivering and moving on, the same events are examined again.
      await subs().enqueue('whs_a', [entry(1, 'callback:x'), entry(2, 'callback:x')], 2);
      expect(await subs().counts('whs_a')).toEqual({ pending: 1, delivered: 1, dead: 0 });
      expect(await dueSeqs('whs_a', 0)).toEqual([2]);
    });

    it('ignores entries for a subscription that is gone', async () => {
      await subs().enqueue('whs_gone', [entry(1, 'callback:x')], 1);
      expect(await subs().get('whs_gone')).toBeUndefined();
      expect(await subs().counts('whs_gone')).toEqual({ pending: 0, delivered: 0, dead: 0 });
    });

    it('keeps epoch-millisecond retry times exact, and has none when nothing is pending', async () => {
      const retryAt = Date.parse('2026-03-10T09:00:05.123Z');
      await subs().create(subscription('whs_a'));
      expect(await subs().nextDueAtMs('whs_a')).toBeUndefined();
      await subs().enqueue('whs_a', [entry(1, 'callback:x')], 1);
      await subs().markFailed('whs_a', 1, { error: 'timeout', nextAttemptAtMs: retryAt, dead: false });
      expect(await subs().nextDueAtMs('whs_a')).toBe(retryAt);
      expect(await dueSeqs('whs_a', retryAt - 1)).toEqual([]);
      expect(await subs().due('whs_a', retryAt, 10)).toEqual([
        { subscriptionId: 'whs_a', seq: 1, eventType: 'callback.created', orderKey: 'callback:x', status: 'pending', attempts: 1, nextAttemptAtMs: retryAt, lastError: 'timeout' },
      ]);
      await subs().markDelivered('whs_a', 1);
      expect(await subs().nextDueAtMs('whs_a')).toBeUndefined();
    });

    it('keeps subscriptions apart and drops the outbox of a removed one', async () => {
      await subs().create(subscription('whs_a'));
      await subs().create(subscription('whs_b'));
      await subs().enqueue('whs_a', [entry(1, 'callback:x')], 1);
      expect(await subs().due('whs_b', 0, 10)).toEqual([]);
      await subs().remove('whs_a');
      expect(await subs().counts('whs_a')).toEqual({ pending: 0, delivered: 0, dead: 0 });
    });
  });
}
