import { asAsyncEventStore, createInMemoryEventStore, silentLogger } from '@icc/core';
import { fixtureCreated, fixtureEvent, fixtureIds } from '@icc/core/testing';
import { createAdapterStoreReads, isSynchronousStore } from './adapter-store-reads';

async function settled(): Promise<void> {
  for (let turn = 0; turn < 5; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
}

describe('the adapter’s synchronous store reads', () => {
  it('asks a store that answers at once directly, closed callbacks and callback numbers as the port says', async () => {
    const store = createInMemoryEventStore();
    await store.append([fixtureCreated(1), fixtureEvent('interaction.closed', 1, { outcome: 'cancelled', by: 'api' })]);
    const reads = createAdapterStoreReads(store, asAsyncEventStore(store), silentLogger);
    expect(isSynchronousStore(store)).toBe(true);
    expect(reads.getCallback(fixtureIds(1).callbackId)?.id).toBe(fixtureIds(1).callbackId);
    // An adapter asks by id; the store would also find it by its number.
    expect(reads.getCallback(fixtureIds(1).number)).toBeUndefined();
  });

  it('on a store that answers with promises, knows the open interactions’ callbacks from the start and follows their changes', async () => {
    const memory = createInMemoryEventStore();
    await memory.append([fixtureCreated(1), fixtureCreated(2), fixtureEvent('interaction.closed', 2, { outcome: 'cancelled', by: 'api' })]);
    const store = asAsyncEventStore(memory);
    expect(isSynchronousStore(store)).toBe(false);
    const reads = createAdapterStoreReads(store, store, silentLogger);

    expect(reads.getCallback(fixtureIds(1).callbackId)).toBeUndefined();
    await reads.prepare(await store.openInteractions());
    expect(reads.getCallback(fixtureIds(1).callbackId)?.state).toBe('pending');
    // Closed before the start: not asked for again (the limit of answering from memory).
    expect(reads.getCallback(fixtureIds(2).callbackId)).toBeUndefined();

    await memory.append([fixtureEvent('interaction.closed', 1, { outcome: 'cancelled', by: 'api' })]);
    reads.changed(fixtureIds(1).callbackId);
    await settled();
    expect(reads.getCallback(fixtureIds(1).callbackId)?.state).toBe('cancelled');

    await memory.append([fixtureCreated(3)]);
    reads.changed(fixtureIds(3).callbackId);
    await settled();
    expect(reads.getCallback(fixtureIds(3).callbackId)?.id).toBe(fixtureIds(3).callbackId);
  });
});
