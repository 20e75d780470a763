import { IccError, withVendorQueueSettings, type AsyncEventStore, type CcaasAdapterV1, type Logger, type VendorQueueSettings } from '@icc/core';
import {
  QueueConfig,
  type CreateQueueRequest,
  type QueueConfigRevision,
  type ReplaceQueueRequest,
  type UpdateQueueRequest,
} from '@icc/protocol';
import { createKeyedLock } from '../intake/keyed-lock';

/** Who asks for a change: a supervisor's agent id, or `system` (the demo seeding). */
export type QueueChanger = string;

/**
 * The one code path that changes queue configuration: the queue API and the demo seeding both use
 * it. Every change is a new version in the store (optimistic concurrency on `expectedVersion`),
 * then handed to the adapter, so new callbacks use it while open ones keep theirs.
 */
export interface QueueConfiguration {
  list(): Promise<QueueConfig[]>;
  get(queueId: string): Promise<QueueConfig>;
  version(queueId: string, version: number): Promise<QueueConfig>;
  revisions(queueId: string): Promise<QueueConfigRevision[]>;
  create(request: CreateQueueRequest, by: QueueChanger): Promise<QueueConfig>;
  replace(queueId: string, request: ReplaceQueueRequest, expectedVersion: number, by: QueueChanger): Promise<QueueConfig>;
  update(queueId: string, changes: UpdateQueueRequest, expectedVersion: number, by: QueueChanger): Promise<QueueConfig>;
  /** Resolves with the version that removed it. */
  remove(queueId: string, expectedVersion: number, by: QueueChanger): Promise<QueueConfigRevision>;
}

export interface QueueConfigurationOptions {
  store: AsyncEventStore;
  adapter: Pick<CcaasAdapterV1, 'applyQueueConfig' | 'removeQueue' | 'queueSettings'>;
  now: () => number;
  logger: Logger;
  /** False until the adapter has started (it reads the stored queues when it starts). */
  adapterStarted: () => boolean;
}

/**
 * How a stored version is shown (list and one queue): as the queue really behaves, with the settings
 * the vendor decides itself (a Genesys queue's callback media settings) over the configured ones. The
 * version and the ETag stay the configured version's; the vendor's values never become a version.
 */
function presenter(vendorSettings: ((queueId: string) => VendorQueueSettings | undefined) | undefined) {
  return (queue: QueueConfig): QueueConfig => withVendorQueueSettings(queue, vendorSettings?.(queue.id));
}

/** `GET /v1/queues/stats` is a route of its own, so no queue may be called that. */
const RESERVED_QUEUE_IDS = new Set(['stats']);

export function createQueueConfiguration({ store, adapter, now, logger, adapterStarted }: QueueConfigurationOptions): QueueConfiguration {
  // One change at a time, so the adapter receives versions in the order the store gave them.
  const lock = createKeyedLock();
  const presentQueue = presenter(adapter.queueSettings?.bind(adapter));
  const existing = async (queueId: string): Promise<QueueConfig> => {
    const queue = await store.getQueue(queueId);
    if (!queue) throw new IccError('not_found', `Queue "${queueId}" does not exist; GET /v1/queues lists the queues`);
    return queue;
  };

  const save = (config: QueueConfig, expectedVersion: number | null, by: QueueChanger) =>
    lock.run('queues', async () => {
      const saved = await store.saveQueue(config, { expectedVersion, changedBy: by, at: now() });
      if (adapterStarted()) await adapter.applyQueueConfig?.(saved);
      logger.info({ queue: saved.id, version: saved.version, by }, 'queue configuration changed');
      return saved;
    });

  return {
    list: async () => (await store.listQueues()).map(presentQueue),
    get: async (queueId) => presentQueue(await existing(queueId)),
    async version(queueId, version) {
      const queue = await store.getQueue(queueId, version);
      if (!queue) throw new IccError('not_found', `Queue "${queueId}" has no version ${version}`);
      return queue;
    },
    async revisions(queueId) {
      const revisions = await store.listQueueRevisions(queueId);
      if (revisions.length === 0) throw new IccError('not_found', `Queue "${queueId}" does not exist`);
      return revisions;
    },
    async create(request, by) {
      if (RESERVED_QUEUE_IDS.has(request.id)) {
        throw new IccError('validation_failed', `"${request.id}" is reserved: choose another queue id`, [
          { path: ['id'], message: 'Reserved queue id', code: 'custom' },
        ]);
      }
      return save(QueueConfig.parse(request), null, by);
    },
    replace: (queueId, request, expectedVersion, by) => save(QueueConfig.parse({ ...request, id: queueId }), expectedVersion, by),
    async update(queueId, changes, expectedVersion, by) {
      const { version: _current, closingReasons: currentReasons, ...current } = await existing(queueId);
      const { closingReasons, ...rest } = changes;
      const reasons = closingReasons === undefined ? currentReasons : (closingReasons ?? undefined);
      return save(QueueConfig.parse({ ...current, ...rest, ...(reasons === undefined ? {} : { closingReasons: reasons }) }), expectedVersion, by);
    },
    remove: (queueId, expectedVersion, by) =>
      lock.run('queues', async () => {
        await existing(queueId);
        const open = (await store.openInteractions()).filter((interaction) => interaction.queueId === queueId).length;
        if (open > 0) {
          throw new IccError('queue_in_use', `Queue "${queueId}" still has ${open} open interaction(s); close or transfer them first`);
        }
        const removal = await store.removeQueue(queueId, { expectedVersion, changedBy: by, at: now() });
        if (adapterStarted()) await adapter.removeQueue?.(queueId);
        logger.info({ queue: queueId, version: removal.version, by }, 'queue removed');
        return removal;
      }),
  };
}
