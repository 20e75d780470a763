import type { OutboxDelivery, StoredWebhookSubscription, WebhookSubscriptionStore } from './webhook-subscriptions';

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The subscriptions and outbox of the in-memory store (tests, and the contract the SQLite one keeps). */
export function createInMemoryWebhookSubscriptions(assertOpen: () => void): WebhookSubscriptionStore {
  const subscriptions = new Map<string, StoredWebhookSubscription>();
  /** Per subscription, deliveries by seq. */
  const outboxes = new Map<string, Map<number, OutboxDelivery>>();
  const outboxOf = (id: string) => outboxes.get(id) ?? new Map<number, OutboxDelivery>();
  const sorted = (id: string) => [...outboxOf(id).values()].sort((a, b) => a.seq - b.seq);
  const write = async <T>(change: () => T): Promise<T> => {
    assertOpen();
    return change();
  };

  return {
    create: (subscription) =>
      write(() => {
        subscriptions.set(subscription.id, { ...subscription, eventTypes: [...subscription.eventTypes] });
        outboxes.set(subscription.id, new Map());
      }),
    // Oldest first, ties by id, compared by code unit: the order the SQL stores give (binary / "C" collation).
    list: () =>
      [...subscriptions.values()]
        .sort((a, b) => byCodeUnits(a.createdAt, b.createdAt) || byCodeUnits(a.id, b.id))
        .map((subscription) => ({ ...subscription })),
    get: (id) => {
      const found = subscriptions.get(id);
      return found && { ...found };
    },
    remove: (id) => write(() => outboxes.delete(id) && subscriptions.delete(id)),
    enqueue: (subscriptionId, entries, cursorSeq) =>
      write(() => {
        const subscription = subscriptions.get(subscriptionId);
        const outbox = outboxes.get(subscriptionId);
        if (!subscription || !outbox) return;
        for (const entry of entries) {
          if (!outbox.has(entry.seq)) outbox.set(entry.seq, { ...entry, subscriptionId, status: 'pending', attempts: 0, nextAttemptAtMs: 0 });
        }
        subscription.cursorSeq = Math.max(subscription.cursorSeq, cursorSeq);
      }),
    due(subscriptionId, nowMs, limit) {
      const heads = new Map<string, OutboxDelivery>();
      for (const delivery of sorted(subscriptionId)) {
        if (delivery.status === 'pending' && !heads.has(delivery.orderKey)) heads.set(delivery.orderKey, delivery);
      }
      return [...heads.values()]
        .filter((delivery) => delivery.nextAttemptAtMs <= nowMs)
        .slice(0, limit)
        .map((delivery) => ({ ...delivery }));
    },
    nextDueAtMs(subscriptionId) {
      const pending = sorted(subscriptionId).filter((delivery) => delivery.status === 'pending');
      return pending.length === 0 ? undefined : Math.min(...pending.map((delivery) => delivery.nextAttemptAtMs));
    },
    markDelivered: (subscriptionId, seq) =>
      write(() => {
        const delivery = outboxOf(subscriptionId).get(seq);
        if (delivery) Object.assign(delivery, { status: 'delivered', attempts: delivery.attempts + 1, lastError: undefined });
      }),
    markFailed: (subscriptionId, seq, failure) =>
      write(() => {
        const delivery = outboxOf(subscriptionId).get(seq);
        if (!delivery) return;
        Object.assign(delivery, {
          status: failure.dead ? 'dead' : 'pending',
          attempts: delivery.attempts + 1,
          nextAttemptAtMs: failure.nextAttemptAtMs,
          lastError: failure.error,
        });
      }),
    deadLetters: (subscriptionId, limit) =>
      sorted(subscriptionId)
        .filter((delivery) => delivery.status === 'dead')
        .slice(0, limit)
        .map((delivery) => ({ ...delivery })),
    redeliver: (subscriptionId, seq) =>
      write(() => {
        const delivery = outboxOf(subscriptionId).get(seq);
        if (delivery?.status !== 'dead') return false;
        Object.assign(delivery, { status: 'pending', attempts: 0, nextAttemptAtMs: 0 });
        return true;
      }),
    replayFrom: (subscriptionId, fromSeq) =>
      write(() => {
        const again = sorted(subscriptionId).filter((delivery) => delivery.seq >= fromSeq);
        for (const delivery of again) Object.assign(delivery, { status: 'pending', attempts: 0, nextAttemptAtMs: 0, lastError: undefined });
        return again.length;
      }),
    counts(subscriptionId) {
      const counts = { pending: 0, delivered: 0, dead: 0 };
      for (const delivery of outboxOf(subscriptionId).values()) counts[delivery.status] += 1;
      return counts;
    },
  };
}
