import type { NewIccEvent } from '@icc/protocol';
import { asAsyncEventStore, type AsyncEventStore } from '../ports/async-event-store';
import type { EventStore } from '../ports/event-store';

/** A synchronous-read store (SQLite, in memory) or an asynchronous one (PostgreSQL): the suites await every call either way. */
export type CreateEventStore = () => EventStore | AsyncEventStore | Promise<EventStore | AsyncEventStore>;

/** A fresh store per test, closed after it; `current()` returns the store of the running test, seen through the async port. */
export function useEventStore(createStore: CreateEventStore): () => AsyncEventStore {
  let store: AsyncEventStore | undefined;
  beforeEach(async () => {
    store = asAsyncEventStore(await createStore());
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
export async function appendEach(store: AsyncEventStore, events: readonly NewIccEvent[]) {
  const appended = [];
  for (const event of events) appended.push(...(await store.append([event])));
  return appended;
}
