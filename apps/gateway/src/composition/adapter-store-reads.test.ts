import { asAsyncEventStore, createInMemoryEventStore, silentLogger, type AsyncEventStore } from '@icc/core';
import { fixtureCreated, fixtureEvent, fixtureIds } from '@icc/core/testing';
import type { Interaction, InteractionEvent } from '@icc/protocol';
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

    const [closed] = await memory.append([fixtureEvent('interaction.closed', 1, { outcome: 'cancelled', by: 'api' })]);
    reads.changed(closed as InteractionEvent);
    expect(reads.getCallback(fixtureIds(1).callbackId)?.state).toBe('cancelled');

    const [created] = await memory.append([fixtureCreated(3)]);
    reads.changed(created as InteractionEvent);
    expect(reads.getCallback(fixtureIds(3).callbackId)?.id).toBe(fixtureIds(3).callbackId);
  });

  it('folds the events of callbacks it holds in memory, as the store does, and reads only those it does not hold', async () => {
    const memory = createInMemoryEventStore();
    await memory.append([fixtureCreated(1), fixtureCreated(2)]);
    const store = asAsyncEventStore(memory);
    const asked: string[] = [];
    const counting: AsyncEventStore = Object.assign(Object.create(store) as AsyncEventStore, {
      getCallback: (callbackId: string) => {
        asked.push(callbackId);
        return store.getCallback(callbackId);
      },
    });
    const reads = createAdapterStoreReads(counting, counting, silentLogger);
    await reads.prepare([(await store.getInteraction(fixtureIds(1).interactionId)) as Interaction]);
    asked.length = 0;

    const events = await memory.append([
      fixtureEvent('interaction.offered', 1, { agentId: 'agent-ada' }),
      fixtureEvent('callback.updated', 1, { changes: { shortDescription: 'Billing question' } }),
      fixtureEvent('interaction.offered', 2, { agentId: 'agent-ada' }),
    ]);
    for (const event of events) reads.changed(event as InteractionEvent);
    await settled();

    // Not held (closed before the start, or never prepared): read back from the store, once.
    expect(asked).toEqual([fixtureIds(2).callbackId]);
    expect(reads.getCallback(fixtureIds(1).callbackId)?.shortDescription).toBe('Billing question');
    expect(reads.getCallback(fixtureIds(1).callbackId)).toEqual(await store.getCallback(fixtureIds(1).callbackId));
    expect(reads.getCallback(fixtureIds(2).callbackId)).toEqual(await store.getCallback(fixtureIds(2).callbackId));
  });
});
