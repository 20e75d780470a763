import type {
  Callback,
  MissedOffer,
  CallbackPage,
  IccEvent,
  Interaction,
  ListCallbacksQuery,
  ListInteractionsQuery,
  QueueConfig,
  QueueConfigRevision,
  QueueStats,
} from '@icc/protocol';
import { isInteractionEvent } from '@icc/protocol';
import { IccError } from '../errors';
import { decodeCallbackPageCursor, encodeCallbackPageCursor, isAfterCallbackPageCursor } from './callback-page-cursor';
import { callbackSearchText, normalizeCallbackSearch } from './callback-search-text';
import type { AgentDefinition, EventStore } from './event-store';
import { withPresence, type AgentPresence } from './agent-presence';
import { createInMemoryWebhookDeliveries } from './in-memory-webhook-deliveries';
import { createInMemoryWebhookSubscriptions } from './in-memory-webhook-subscriptions';
import { pageOfMissedOffers } from './missed-offers';
import { createInMemoryOpenCallbacks } from './in-memory-open-callbacks';
import { projectEventBatch, type IdempotencyRecord, type ProjectionLookup } from './project-event-batch';
import { nextQueueVersion, queueRevision, type QueueConfigChange } from './queue-config-versions';
import { EMPTY_QUEUE_TOTALS, addQueueTotals, interactionQueueTotals, isScheduledWithinNextHour, toQueueStats } from './queue-totals';

/**
 * The reference `EventStore`: everything in memory, nothing survives the process. Unit tests of
 * the engine and gateway use it; `@icc/store-sqlite` must behave the same (one contract suite).
 */
export function createInMemoryEventStore(): EventStore {
  const log: IccEvent[] = [];
  const eventsByInteraction = new Map<string, IccEvent[]>();
  const interactions = new Map<string, Interaction>();
  const callbacks = new Map<string, Callback>();
  const callbackIdByNumber = new Map<string, string>();
  const idempotencyRecords = new Map<string, IdempotencyRecord>();
  const agentPresences = new Map<string, AgentPresence>();
  const missedOffers: MissedOffer[] = [];
  const openCallbacks = createInMemoryOpenCallbacks();
  const agents = new Map<string, AgentDefinition>();
  /** The current version of each queue not removed. */
  const queues = new Map<string, QueueConfig>();
  const queueRevisions = new Map<string, QueueConfigRevision[]>();
  const webhookDeliveries = createInMemoryWebhookDeliveries();
  let lastCallbackNumber = 0;
  let closed = false;

  const lookup: ProjectionLookup = {
    interaction: (id) => interactions.get(id),
    callback: (id) => callbacks.get(id),
    agentPresence: (id) => agentPresences.get(id),
    callbackIdByNumber: (number) => callbackIdByNumber.get(number),
    idempotencyRecord: (key) => idempotencyRecords.get(key),
  };

  const storeQueueRevision = (queue: QueueConfig, change: QueueConfigChange, removed: boolean): QueueConfigRevision => {
    const history = queueRevisions.get(queue.id) ?? [];
    const latest = history.at(-1);
    const version = nextQueueVersion(queue.id, latest, change);
    const revision = queueRevision(queue, version, change, removed);
    queueRevisions.set(queue.id, [...history, revision]);
    return revision;
  };

  const assertOpen = () => {
    if (closed) throw new IccError('shutting_down', 'The event store is closed');
  };

  const callbacksByAgent = (agentId: string): Set<string> => {
    const ids = new Set<string>();
    for (const interaction of interactions.values()) if (interaction.agentId === agentId) ids.add(interaction.callbackId);
    return ids;
  };

  const carriedBy = (callbackId: string, vendorRef: string): boolean => {
    for (const interaction of interactions.values()) if (interaction.callbackId === callbackId && interaction.vendorRef === vendorRef) return true;
    return false;
  };

  return {
    async append(events) {
      assertOpen();
      const batch = projectEventBatch(lookup, events, log.length + 1);
      for (const event of batch.events) {
        log.push(event);
        if (!isInteractionEvent(event)) continue;
        const history = eventsByInteraction.get(event.interactionId);
        if (history) history.push(event);
        else eventsByInteraction.set(event.interactionId, [event]);
      }
      for (const [id, interaction] of batch.interactions) interactions.set(id, interaction);
      for (const [id, callback] of batch.callbacks) {
        callbacks.set(id, callback);
        callbackIdByNumber.set(callback.number, id);
      }
      for (const [key, record] of batch.idempotencyRecords) idempotencyRecords.set(key, record);
      for (const [id, presence] of batch.agentPresences) agentPresences.set(id, presence);
      missedOffers.push(...batch.missedOffers);
      openCallbacks.apply(batch.openCallbacks);
      return batch.events;
    },
    headSeq: () => log.length,
    readAfter: (afterSeq, limit) => log.slice(Math.max(0, afterSeq), Math.max(0, afterSeq) + Math.max(0, limit)),
    readInteraction: (interactionId) => [...(eventsByInteraction.get(interactionId) ?? [])],

    getInteraction: (interactionId) => interactions.get(interactionId),
    listInteractions(query: ListInteractionsQuery) {
      const open = query.open === undefined ? undefined : query.open === 'true';
      return [...interactions.values()]
        .filter(
          (interaction) =>
            (query.agentId === undefined || interaction.agentId === query.agentId) &&
            (query.queueId === undefined || interaction.queueId === query.queueId) &&
            (query.state === undefined || interaction.state === query.state) &&
            (query.vendorRef === undefined || interaction.vendorRef === query.vendorRef) &&
            (open === undefined || (interaction.state !== 'closed') === open),
        )
        .sort((a, b) => b.seq - a.seq)
        .slice(0, query.limit);
    },
    openInteractions: () =>
      [...interactions.values()]
        .filter((interaction) => interaction.state !== 'closed')
        .sort((a, b) => Date.parse(a.requestedAt) - Date.parse(b.requestedAt) || compareIds(a.id, b.id)),

    getCallback(idOrNumber) {
      return callbacks.get(idOrNumber) ?? callbacks.get(callbackIdByNumber.get(idOrNumber) ?? '');
    },
    findCallbackByIdempotencyKey(key) {
      const record = idempotencyRecords.get(key);
      const callback = record && callbacks.get(record.callbackId);
      return callback && record ? { callback, requestHash: record.requestHash } : undefined;
    },
    listCallbacks(query: ListCallbacksQuery): CallbackPage {
      const cursor = query.cursor === undefined ? undefined : decodeCallbackPageCursor(query.cursor);
      const search = query.search === undefined ? '' : normalizeCallbackSearch(query.search);
      const handled = query.agentId === undefined ? undefined : callbacksByAgent(query.agentId);
      const matching = [...callbacks.values()]
        .map((callback) => ({ callback, requestedAtMs: Date.parse(callback.requestedAt) }))
        .filter(
          ({ callback, requestedAtMs }) =>
            (query.queueId === undefined || callback.queueId === query.queueId) &&
            (query.state === undefined || callback.state === query.state) &&
            (handled === undefined || handled.has(callback.id)) &&
            (query.vendorRef === undefined || carriedBy(callback.id, query.vendorRef)) &&
            (search === '' || callbackSearchText(callback).includes(search)) &&
            (cursor === undefined || isAfterCallbackPageCursor(requestedAtMs, callback.id, cursor)),
        )
        .sort((a, b) => b.requestedAtMs - a.requestedAtMs || compareIds(b.callback.id, a.callback.id));
      const page = matching.slice(0, query.limit);
      const last = page[page.length - 1];
      const nextCursor =
        matching.length > query.limit && last
          ? encodeCallbackPageCursor({ requestedAtMs: last.requestedAtMs, callbackId: last.callback.id })
          : null;
      return { items: page.map(({ callback }) => callback), nextCursor };
    },
    openCallbacksWithNumbers: (queueId, phoneNumbers) =>
      openCallbacks
        .withNumbers(queueId, phoneNumbers)
        .map((id) => callbacks.get(id) as Callback)
        .sort((a, b) => Date.parse(a.requestedAt) - Date.parse(b.requestedAt) || compareIds(a.id, b.id)),
    scheduledStartsOfQueue: (queueId) => openCallbacks.scheduledStarts(queueId),
    async nextCallbackNumber() {
      assertOpen();
      lastCallbackNumber += 1;
      return lastCallbackNumber;
    },

    queueStats(now): QueueStats[] {
      return [...queues.keys()].sort(compareIds).map((queueId) => {
        const backlog = { depth: 0, oldestRequestedAtMs: undefined as number | undefined, scheduledNextHour: 0, agentsAvailable: 0 };
        let totals = EMPTY_QUEUE_TOTALS;
        for (const interaction of interactions.values()) {
          if (interaction.queueId !== queueId) continue;
          totals = addQueueTotals(totals, interactionQueueTotals(interaction));
          if (isScheduledWithinNextHour(interaction, now)) backlog.scheduledNextHour += 1;
          if (interaction.state !== 'queued') continue;
          backlog.depth += 1;
          const requestedAtMs = Date.parse(interaction.requestedAt);
          backlog.oldestRequestedAtMs = Math.min(backlog.oldestRequestedAtMs ?? requestedAtMs, requestedAtMs);
        }
        for (const agent of agents.values()) {
          if (agent.queueIds.includes(queueId) && agentPresences.get(agent.id)?.presence === 'available') backlog.agentsAvailable += 1;
        }
        return toQueueStats(queueId, backlog, totals, now);
      });
    },

    missedOffers: (filter) => pageOfMissedOffers(missedOffers, filter),

    async saveQueue(queue, change: QueueConfigChange = {}) {
      assertOpen();
      const revision = storeQueueRevision(queue, change, false);
      queues.set(queue.id, revision.config);
      return revision.config;
    },
    async removeQueue(queueId, change) {
      assertOpen();
      const current = queues.get(queueId);
      if (!current) throw new IccError('not_found', `Queue "${queueId}" does not exist`);
      const revision = storeQueueRevision(current, change, true);
      queues.delete(queueId);
      return revision;
    },
    listQueues: () => [...queues.values()].sort((a, b) => compareIds(a.id, b.id)),
    getQueue: (queueId, version) =>
      version === undefined ? queues.get(queueId) : queueRevisions.get(queueId)?.find((revision) => revision.version === version)?.config,
    listQueueRevisions: (queueId) => [...(queueRevisions.get(queueId) ?? [])],
    async saveAgent(agent) {
      assertOpen();
      agents.set(agent.id, agent);
    },
    listAgents: () =>
      [...agents.values()].sort((a, b) => compareIds(a.id, b.id)).map((agent) => withPresence(agent, agentPresences.get(agent.id))),
    getAgent(agentId) {
      const agent = agents.get(agentId);
      return agent && withPresence(agent, agentPresences.get(agentId));
    },

    hasWebhookDelivery: (vendor, deliveryId, nowMs) => webhookDeliveries.has(vendor, deliveryId, nowMs),
    async recordWebhookDelivery(delivery, nowMs) {
      assertOpen();
      webhookDeliveries.record(delivery, nowMs);
    },
    webhookSubscriptions: createInMemoryWebhookSubscriptions(() => assertOpen()),

    async close() {
      closed = true;
    },
  };
}

/** Code-unit order; ids are ASCII slugs, so this is the byte order SQLite uses for TEXT. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
