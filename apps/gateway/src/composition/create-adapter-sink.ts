import type { AdapterSink } from '@icc/core';
import type { IccEvent, NewIccEvent } from '@icc/protocol';
import type { EventHub } from '../events/event-hub';

/** The sink handed to the adapter: durable append first, then fan-out; `idle()` awaits pending appends. */
export interface GatewayAdapterSink extends AdapterSink {
  idle(): Promise<void>;
}

/** How the sink writes: the store's `append`, or in a cluster the append fenced by the ACD's lease. */
export type AppendEvents = (events: readonly NewIccEvent[]) => Promise<IccEvent[]>;

/** `refused` hears of every append the store turned down (the adapter's memory is then ahead of the log). */
export function createAdapterSink(append: AppendEvents, hub: EventHub, refused: (error: unknown) => void = () => undefined): GatewayAdapterSink {
  const pending = new Set<Promise<unknown>>();
  return {
    emit(events) {
      if (events.length === 0) return Promise.resolve([]);
      const appended = append(events).then(
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
