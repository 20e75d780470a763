import { asAsynchronous, type Asynchronous } from './asynchronous-port';
import type { EventStore } from './event-store';
import type { WebhookSubscriptionStore } from './webhook-subscriptions';

/** The webhook subscription port with every read asynchronous too. */
export type AsyncWebhookSubscriptionStore = Asynchronous<WebhookSubscriptionStore>;

/**
 * The store port with every read asynchronous too: what a networked store (PostgreSQL) offers.
 * A mapped type of `EventStore` (its nested subscription port included), so the day the port itself
 * goes async this becomes the port.
 */
export type AsyncEventStore = Asynchronous<Omit<EventStore, 'webhookSubscriptions'>> & {
  readonly webhookSubscriptions: AsyncWebhookSubscriptionStore;
};

/** Either store seen through the async port, its webhook subscriptions included: a synchronous throw becomes a rejection. */
export function asAsyncEventStore(store: EventStore | AsyncEventStore): AsyncEventStore {
  const webhookSubscriptions = asAsynchronous<WebhookSubscriptionStore>(store.webhookSubscriptions);
  const methods = asAsynchronous<Omit<EventStore, 'webhookSubscriptions'>>(store);
  return new Proxy(methods, {
    get(target, property, receiver) {
      return property === 'webhookSubscriptions' ? webhookSubscriptions : Reflect.get(target, property, receiver);
    },
  }) as AsyncEventStore;
}
