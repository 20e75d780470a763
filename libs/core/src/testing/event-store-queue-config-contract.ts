import { exampleQueueConfig, exampleSalesQueueConfig } from '@icc/protocol';
import { useEventStore, type CreateEventStore } from './use-event-store';

const AT = Date.parse('2026-03-10T14:00:00Z');

/** Queue configuration: every change a new version, old versions kept, optimistic concurrency enforced by the store. */
export function describeEventStoreQueueConfigContract(createStore: CreateEventStore): void {
  describe('queue configuration versions', () => {
    const store = useEventStore(createStore);
    const support = exampleQueueConfig();

    it('saves queues by id and lists the current version of each in id order', async () => {
      await store().saveQueue(support);
      await store().saveQueue(exampleSalesQueueConfig());
      expect(await store().listQueues()).toEqual([{ ...exampleSalesQueueConfig(), version: 1 }, { ...support, version: 1 }]);
      expect(await store().saveQueue(exampleQueueConfig({ name: 'Support EMEA' }))).toEqual({ ...support, name: 'Support EMEA', version: 2 });
      expect(await store().listQueues()).toEqual([{ ...exampleSalesQueueConfig(), version: 1 }, { ...support, name: 'Support EMEA', version: 2 }]);
    });

    it('keeps every version readable, with who changed it and when', async () => {
      await store().saveQueue(support, { expectedVersion: null, changedBy: 'supervisor-sam', at: AT });
      await store().saveQueue({ ...support, retryPolicy: { maxAttempts: 9, minIntervalSeconds: 30 } }, { expectedVersion: 1, changedBy: 'supervisor-sam', at: AT + 1000 });
      expect((await store().getQueue(support.id))?.retryPolicy).toEqual({ maxAttempts: 9, minIntervalSeconds: 30 });
      expect(await store().getQueue(support.id, 1)).toEqual({ ...support, version: 1 });
      expect(await store().getQueue(support.id, 3)).toBeUndefined();
      expect((await store().listQueueRevisions(support.id)).map(({ version, changedAt, changedBy, removed }) => ({ version, changedAt, changedBy, removed }))).toEqual([
        { version: 1, changedAt: '2026-03-10T14:00:00.000Z', changedBy: 'supervisor-sam', removed: false },
        { version: 2, changedAt: '2026-03-10T14:00:01.000Z', changedBy: 'supervisor-sam', removed: false },
      ]);
    });

    it('refuses a stale write, a create over a live queue and a change of a missing queue, storing nothing', async () => {
      await store().saveQueue(support, { expectedVersion: null });
      await store().saveQueue({ ...support, name: 'Second' }, { expectedVersion: 1 });
      await expect(store().saveQueue({ ...support, name: 'Stale' }, { expectedVersion: 1 })).rejects.toMatchObject({ code: 'version_conflict' });
      await expect(store().saveQueue(support, { expectedVersion: null })).rejects.toMatchObject({ code: 'already_exists' });
      await expect(store().saveQueue(exampleSalesQueueConfig(), { expectedVersion: 1 })).rejects.toMatchObject({ code: 'not_found' });
      await expect(store().removeQueue(support.id, { expectedVersion: 1 })).rejects.toMatchObject({ code: 'version_conflict' });
      expect(await store().listQueueRevisions(support.id)).toHaveLength(2);
      expect(await store().listQueues()).toEqual([{ ...support, name: 'Second', version: 2 }]);
      expect(await store().listQueueRevisions(exampleSalesQueueConfig().id)).toEqual([]);
    });

    it('removes a queue from the list but keeps its versions; creating it again continues the numbering', async () => {
      await store().saveQueue(support, { expectedVersion: null });
      expect(await store().removeQueue(support.id, { expectedVersion: 1, changedBy: 'supervisor-sam', at: AT })).toEqual({
        queueId: support.id,
        version: 2,
        changedAt: '2026-03-10T14:00:00.000Z',
        changedBy: 'supervisor-sam',
        removed: true,
        config: { ...support, version: 2 },
      });
      expect(await store().listQueues()).toEqual([]);
      expect(await store().getQueue(support.id)).toBeUndefined();
      expect(await store().getQueue(support.id, 1)).toEqual({ ...support, version: 1 });
      await expect(store().saveQueue(support, { expectedVersion: 2 })).rejects.toMatchObject({ code: 'not_found' });
      await expect(store().removeQueue(support.id, { expectedVersion: 2 })).rejects.toMatchObject({ code: 'not_found' });
      expect(await store().saveQueue({ ...support, name: 'Back' }, { expectedVersion: null })).toMatchObject({ name: 'Back', version: 3 });
      expect((await store().listQueueRevisions(support.id)).map((revision) => [revision.version, revision.removed])).toEqual([[1, false], [2, true], [3, false]]);
    });
  });
}
