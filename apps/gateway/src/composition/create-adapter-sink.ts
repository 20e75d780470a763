import type { AdapterSink, AsyncEventStore } from '@icc/core';
import type { EventHub } from '../events/event-hub';

/** The sink handed to the adapter: durable append first, then fan-out; `idle()` awaits pending appends. */
export interface GatewayAdapterSink extends AdapterSink {
  idle(): Promise<void>;
}

/** `refused` hears of every append the store turned down (the adapter's memory is then ahead of the log). */
export function createAdapterSink(store: AsyncEventStore, hub: EventHub, refused: (error: unknown) => void = () => undefined): GatewayAdapterSink {
  const pending = new Set<Promise<unknown>>();
  return {
    emit(events) {
      if (events.length === 0) return Promise.resolve([]);
      const appended = store.append(events).then(
        async (stored) => {
          await hub.publishCommitted(stored);
          return stored;
        },
        (error: unknown) => {
          refused(error);
          throw error;
        },
      );
      pending.add(appended);
      const forget = () => pending.delete(appended);
      appended.then(forget, forget);
      return appended;
    },
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
