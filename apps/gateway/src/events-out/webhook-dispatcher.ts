import { ICC_WEBHOOK_SCHEME, signIccWebhook } from '@icc/adapter-kit';
import { outboundEventTypeOf, outboundOrderKey, toOutboundEvent, type AsyncEventStore, type Clock, type Logger, type OutboxDelivery, type StoredWebhookSubscription } from '@icc/core';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { EndpointPolicy } from './endpoint-policy';
import { postDelivery } from './post-delivery';
import { retryDelayMs, type RetrySettings } from './retry-backoff';

export interface WebhookDispatcherSettings {
  policy: EndpointPolicy;
  retry: RetrySettings;
  /** How long a subscriber has to answer one delivery. */
  requestTimeoutMs: number;
  /** How often pending retries are looked at when no new event wakes the dispatcher. */
  pollMs: number;
}

export interface WebhookDispatcher {
  /**
   * Something changed (new events, a redelivery, a replay): look again soon. While the last look
   * found no subscription, this waits for the next poll or `subscribed()`: events need not cost a
   * store read each when nobody subscribed.
   */
  wake(): void;
  /** A subscription was created: look at once. */
  subscribed(): void;
  /** Stops looking, aborts deliveries in flight (they stay pending) and resolves when the loop is idle. */
  stop(): Promise<void>;
}

/** Log events examined per subscription and pass; the rest wait for the next pass. */
const FILL_BATCH = 500;
/** Deliveries sent per subscription and pass (distinct callbacks, in parallel). */
const SEND_BATCH = 32;

/**
 * Delivers the outgoing webhooks: fills each subscription's outbox from the durable log (cursor and
 * entries in one durable write), then POSTs each callback's oldest pending delivery, signed with the
 * inbound scheme (adapter-kit's `signIccWebhook`). At-least-once: a delivery is marked delivered only
 * after the subscriber's 2xx, so a crash in between sends it again.
 */
export function startWebhookDispatcher(
  deps: { store: AsyncEventStore; timerClock: Clock; logger: Logger; registry: Registry },
  settings: WebhookDispatcherSettings,
): WebhookDispatcher {
  const { store, timerClock, logger } = deps;
  const outbox = store.webhookSubscriptions;
  const results = webhookMetrics(deps.registry, store);

  const aborter = new AbortController();
  let stopped = false;
  let again = false;
  let running: Promise<void> | undefined;
  /** What the last look found; a subscription created elsewhere (another instance) is found by the poll. */
  let noSubscriptions = false;

  const fill = async (subscription: StoredWebhookSubscription) => {
    let cursor = subscription.cursorSeq;
    while (!stopped) {
      const events = await store.readAfter(cursor, FILL_BATCH);
      const last = events.at(-1);
      if (!last) return;
      const entries = events.flatMap((event) => {
        const eventType = outboundEventTypeOf(event);
        return eventType && subscription.eventTypes.includes(eventType) ? [{ seq: event.seq, eventType, orderKey: outboundOrderKey(event) }] : [];
      });
      await outbox.enqueue(subscription.id, entries, last.seq);
      cursor = last.seq;
      if (events.length < FILL_BATCH) return;
    }
  };

  const deliver = async (subscription: StoredWebhookSubscription, delivery: OutboxDelivery) => {
    const event = (await store.readAfter(delivery.seq - 1, 1))[0];
    const outbound = event && toOutboundEvent(event, subscription.id);
    if (!outbound) {
      await outbox.markFailed(subscription.id, delivery.seq, { error: 'The event is no longer in the log', nextAttemptAtMs: 0, dead: true });
      return;
    }
    const body = JSON.stringify(outbound);
    const timestamp = Math.floor(timerClock.now() / 1000);
    const result = await postDelivery({
      url: subscription.url,
      body,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'icc-webhooks/1',
        [ICC_WEBHOOK_SCHEME.timestampHeader]: String(timestamp),
        [ICC_WEBHOOK_SCHEME.signatureHeader]: signIccWebhook(subscription.secret, timestamp, body),
        [ICC_WEBHOOK_SCHEME.deliveryIdHeader]: outbound.id,
        'x-icc-event-type': outbound.type,
      },
      timeoutMs: settings.requestTimeoutMs,
      policy: settings.policy,
      signal: aborter.signal,
    });
    if (stopped) return; // cut short by shutdown: stays pending, sent again after the restart
    if (result.ok) {
      await outbox.markDelivered(subscription.id, delivery.seq);
      results.inc({ result: 'delivered' });
      return;
    }
    const attempts = delivery.attempts + 1;
    const dead = attempts >= settings.retry.maxAttempts;
    await outbox.markFailed(subscription.id, delivery.seq, {
      error: result.error,
      nextAttemptAtMs: timerClock.now() + retryDelayMs(attempts, settings.retry),
      dead,
    });
    results.inc({ result: dead ? 'dead_lettered' : 'failed' });
    if (dead) logger.warn({ subscription: subscription.id, seq: delivery.seq, error: result.error, attempts }, 'webhook delivery dead-lettered');
  };

  const pass = async (subscription: StoredWebhookSubscription) => {
    await fill(subscription);
    if (stopped) return;
    const due = await outbox.due(subscription.id, timerClock.now(), SEND_BATCH);
    await Promise.all(due.map((delivery) => deliver(subscription, delivery)));
    if (due.length > 0) again = true;
  };

  const loop = async () => {
    do {
      again = false;
      try {
        const subscriptions = await outbox.list();
        noSubscriptions = subscriptions.length === 0;
        await Promise.all(subscriptions.map((subscription) => pass(subscription)));
      } catch (error) {
        if (!stopped) logger.error({ err: error }, 'webhook dispatch failed; retrying on the next poll');
      }
    } while (again && !stopped);
    running = undefined;
  };

  const look = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = loop();
  };
  const poll = setInterval(look, settings.pollMs);
  poll.unref();
  look();

  return {
    wake() {
      if (!noSubscriptions) look();
    },
    subscribed: look,
    async stop() {
      stopped = true;
      clearInterval(poll);
      aborter.abort();
      await running;
    },
  };
}

/**
 * The dispatcher's metrics, registered once per registry: in a cluster a gateway starts a dispatcher
 * for each term it runs the ACD, and a registry refuses a second metric of the same name.
 */
const metricsByRegistry = new WeakMap<Registry, Counter<'result'>>();
function webhookMetrics(registry: Registry, store: AsyncEventStore): Counter<'result'> {
  const known = metricsByRegistry.get(registry);
  if (known) return known;
  const outbox = store.webhookSubscriptions;
  const results = new Counter({
    name: 'icc_webhook_deliveries_total',
    help: 'Outgoing webhook delivery attempts by result (delivered, failed, dead_lettered)',
    labelNames: ['result'],
    registers: [registry],
  });
  new Gauge({
    name: 'icc_webhook_lag_events',
    help: 'Log events a subscription has not examined yet, plus its pending deliveries',
    labelNames: ['subscription'],
    registers: [registry],
    async collect() {
      const [head, subscriptions] = await Promise.all([store.headSeq(), outbox.list()]);
      const counts = await Promise.all(subscriptions.map((subscription) => outbox.counts(subscription.id)));
      this.reset();
      subscriptions.forEach((subscription, index) => this.set({ subscription: subscription.id }, head - subscription.cursorSeq + (counts[index]?.pending ?? 0)));
    },
  });
  new Gauge({
    name: 'icc_webhook_dead_letters',
    help: 'Dead-lettered deliveries per subscription',
    labelNames: ['subscription'],
    registers: [registry],
    async collect() {
      const subscriptions = await outbox.list();
      const counts = await Promise.all(subscriptions.map((subscription) => outbox.counts(subscription.id)));
      this.reset();
      subscriptions.forEach((subscription, index) => this.set({ subscription: subscription.id }, counts[index]?.dead ?? 0));
    },
  });

  metricsByRegistry.set(registry, results);
  return results;
}
