import type { EventStore } from './event-store';

/** Parts of the port no asynchronous store offers yet: webhook subscriptions live in the SQLite and in-memory stores only. */
type SynchronousOnly = 'webhookSubscriptions';

/**
 * The store port with every read asynchronous too: what a networked store (PostgreSQL) can offer.
 * A mapped type of `EventStore`, so the day the port itself goes async this becomes the port.
 */
export type AsyncEventStore = {
  [Method in Exclude<keyof EventStore, SynchronousOnly>]: EventStore[Method] extends (...args: infer Args) => infer Result
    ? (...args: Args) => Promise<Awaited<Result>>
    : never;
};

/** Either store seen through the async port: a synchronous throw becomes a rejection. */
export function asAsyncEventStore(store: EventStore | AsyncEventStore): AsyncEventStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => (value as (...args: unknown[]) => unknown).apply(target, args);
    },
  }) as unknown as AsyncEventStore;
}
