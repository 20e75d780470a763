import type { NewIccEvent } from '@icc/protocol';
import type { EventStore } from '../ports/event-store';

export type CreateEventStore = () => EventStore | Promise<EventStore>;

/** A fresh store per test, closed after it; `current()` returns the store of the running test. */
export function useEventStore(createStore: CreateEventStore): () => EventStore {
  let store: EventStore | undefined;
  beforeEach(async () => {
    store = await createStore();
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });
  return () => {
    if (!store) throw new Error('useEventStore: no store outside a test');
    return store;
  };
}

/** Appends each event on its own, in order; resolves with the sequenced events. */
export async function appendEach(store: EventStore, events: readonly NewIccEvent[]) {
  const appended = [];
  for (const event of events) appended.push(...(await store.append([event])));
  return appended;
}
