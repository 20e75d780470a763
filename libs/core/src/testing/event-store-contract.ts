import { IccError, InvalidTransitionError } from '../errors';
import { describeEventStoreOpenCallbacksContract } from './event-store-open-callbacks-contract';
import { describeEventStoreProjectionContract } from './event-store-projection-contract';
import { describeEventStoreQueryContract } from './event-store-query-contract';
import { describeEventStoreQueueConfigContract } from './event-store-queue-config-contract';
import { describeEventStoreWebhookDeliveryContract } from './event-store-webhook-delivery-contract';
import { describeEventStoreWebhookSubscriptionContract } from './event-store-webhook-subscription-contract';
import { fixtureCreated, fixtureEvent, fixturePresence } from './event-store-fixtures';
import { useEventStore, type CreateEventStore } from './use-event-store';

/**
 * The behaviour every `EventStore` shares. Run it from each implementation's tests:
 * `describeEventStoreContract('sqlite', () => createSqliteEventStore({ dataDir }))`.
 */
export function describeEventStoreContract(name: string, createStore: CreateEventStore): void {
  describe(`EventStore contract: ${name}`, () => {
    describeEventStoreLogContract(createStore);
    describeEventStoreProjectionContract(createStore);
    describeEventStoreOpenCallbacksContract(createStore);
    describeEventStoreQueryContract(createStore);
    describeEventStoreQueueConfigContract(createStore);
    describeEventStoreWebhookDeliveryContract(createStore);
    describeEventStoreWebhookSubscriptionContract(createStore);
  });
}

function describeEventStoreLogContract(createStore: CreateEventStore): void {
  describe('log', () => {
    const store = useEventStore(createStore);

    it('starts empty', async () => {
      expect(await store().headSeq()).toBe(0);
      expect(await store().readAfter(0, 10)).toEqual([]);
      expect(await store().openInteractions()).toEqual([]);
      expect(await store().listQueues()).toEqual([]);
      expect(await store().queueStats(Date.now())).toEqual([]);
    });

    it('numbers events gap-free in the order given and returns them with their seq', async () => {
      const first = [fixtureCreated(1), fixtureEvent('interaction.offered', 1), fixtureCreated(2)];
      const appended = await store().append(first);
      expect(appended).toEqual(first.map((event, index) => ({ ...event, seq: index + 1 })));
      const second = await store().append([fixtureEvent('interaction.accepted', 1), fixtureCreated(3)]);
      expect(second.map((event) => event.seq)).toEqual([4, 5]);
      expect(await store().headSeq()).toBe(5);
      expect(await store().readAfter(0, 100)).toEqual([...appended, ...second]);
    });

    it('orders concurrent appends as they were called', async () => {
      const results = await Promise.all(Array.from({ length: 12 }, (_, index) => store().append([fixtureCreated(index + 1)])));
      expect(results.map(([event]) => event?.seq)).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
      expect((await store().readAfter(0, 100)).map((event) => event.type === 'interaction.created' && event.interactionId)).toEqual(
        Array.from({ length: 12 }, (_, index) => `ix-${index + 1}`),
      );
    });

    it('accepts an empty batch without using a seq', async () => {
      expect(await store().append([])).toEqual([]);
      expect((await store().append([fixtureCreated(1)]))[0]?.seq).toBe(1);
    });

    it('pages through the log with readAfter', async () => {
      await store().append([1, 2, 3, 4, 5, 6, 7].map((n) => fixtureCreated(n)));
      expect((await store().readAfter(0, 3)).map((event) => event.seq)).toEqual([1, 2, 3]);
      expect((await store().readAfter(3, 3)).map((event) => event.seq)).toEqual([4, 5, 6]);
      expect((await store().readAfter(6, 3)).map((event) => event.seq)).toEqual([7]);
      expect(await store().readAfter(7, 3)).toEqual([]);
      expect(await store().readAfter(2, 0)).toEqual([]);
    });

    it('reads the events of one interaction, oldest first', async () => {
      await store().append([
        fixtureCreated(1),
        fixtureCreated(2),
        fixturePresence('agent-ada', 'available', '2026-03-10T14:00:00Z'),
        fixtureEvent('interaction.offered', 2),
        fixtureEvent('interaction.offered', 1),
        fixtureEvent('interaction.accepted', 1),
      ]);
      expect((await store().readInteraction('ix-1')).map((event) => [event.seq, event.type])).toEqual([
        [1, 'interaction.created'],
        [5, 'interaction.offered'],
        [6, 'interaction.accepted'],
      ]);
      expect((await store().readInteraction('ix-2')).map((event) => event.seq)).toEqual([2, 4]);
      expect(await store().readInteraction('ix-unknown')).toEqual([]);
    });

    it('rejects a batch the state machine refuses as a whole, appending nothing', async () => {
      await store().append([fixtureCreated(1)]);
      const refused = store().append([fixtureCreated(2), fixtureEvent('interaction.offered', 2), fixtureEvent('interaction.held', 1)]);
      await expect(refused).rejects.toBeInstanceOf(InvalidTransitionError);
      await expect(refused).rejects.toMatchObject({ code: 'invalid_transition', from: 'queued', attempted: 'interaction.held' });
      expect(await store().headSeq()).toBe(1);
      expect(await store().readAfter(0, 10)).toHaveLength(1);
      expect(await store().getInteraction('ix-2')).toBeUndefined();
      expect(await store().getCallback('cb-2')).toBeUndefined();
      expect(await store().readInteraction('ix-2')).toEqual([]);
      expect((await store().getInteraction('ix-1'))?.state).toBe('queued');
      expect((await store().append([fixtureCreated(2)]))[0]?.seq).toBe(2);
    });

    it('rejects an event about an unknown interaction and a second created for the same one', async () => {
      await expect(store().append([fixtureEvent('interaction.offered', 9)])).rejects.toMatchObject({ code: 'invalid_transition' });
      await store().append([fixtureCreated(1)]);
      await expect(store().append([fixtureCreated(1)])).rejects.toBeInstanceOf(InvalidTransitionError);
      expect(await store().headSeq()).toBe(1);
    });

    it('fails only the refused batch among concurrent appends and keeps seq gap-free', async () => {
      const outcomes = await Promise.allSettled([
        store().append([fixtureCreated(1)]),
        store().append([fixtureCreated(2), fixtureEvent('interaction.accepted', 2)]),
        store().append([fixtureCreated(3), fixtureEvent('interaction.offered', 3)]),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((await store().readAfter(0, 10)).map((event) => [event.seq, event.type === 'agent.presence-changed' || event.interactionId])).toEqual([
        [1, 'ix-1'],
        [2, 'ix-3'],
        [3, 'ix-3'],
      ]);
    });

    it('rejects a second callback with a number already in use', async () => {
      await store().append([fixtureCreated(1)]);
      const clash = fixtureCreated(2);
      if (clash.type === 'interaction.created') clash.callback.number = 'CB0000001';
      await expect(store().append([clash])).rejects.toMatchObject({ code: 'validation_failed' });
      expect(await store().getCallback('cb-2')).toBeUndefined();
    });

    it('refuses appends once closed', async () => {
      const closing = store();
      await closing.close();
      await expect(closing.append([fixtureCreated(1)])).rejects.toEqual(expect.any(IccError));
      await expect(closing.append([fixtureCreated(1)])).rejects.toMatchObject({ code: 'shutting_down' });
    });
  });
}
