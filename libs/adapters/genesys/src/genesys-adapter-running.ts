import type { AdapterContext } from '@icc/core';
import type { Presence } from '@icc/protocol';
import type { GenesysCallbackBook } from './genesys-callback-record';
import { createGenesysClient, type GenesysClient } from './genesys-client';
import type { GenesysAdapterConfig } from './genesys-config';
import { createConversationSync, type ConversationSync } from './genesys-conversation-sync';
import { createNotificationChannel, type NotificationChannel } from './genesys-notification-channel';
import { createGenesysReconciler, type GenesysReconciler } from './genesys-reconciler';
import type { GenesysNotification } from './genesys-schemas';
import { mapGenesysQueueSettings, type GenesysQueueSettings } from './genesys-map-queue-settings';
import { createSerialQueue, type SerialQueue } from '@icc/adapter-kit';

/** Everything a started adapter holds; `stop()` lets go of all of it. */
export interface Running {
  context: AdapterContext;
  client: GenesysClient;
  channel: NotificationChannel;
  sync: ConversationSync;
  reconciler: GenesysReconciler;
  queue: SerialQueue;
  /** Aborts when this run stops (the adapter-kit lifecycle's signal). */
  signal: AbortSignal;
  settings: Map<string, GenesysQueueSettings>;
  presences: Map<string, Presence>;
}

export interface StartRunningDeps {
  config: GenesysAdapterConfig;
  book: GenesysCallbackBook;
  agentByUser: ReadonlyMap<string, string>;
  random?: (() => number) | undefined;
  fetch?: typeof globalThis.fetch | undefined;
  onNotification(current: Running, notification: GenesysNotification): void;
}

/**
 * Builds the client, the notification channel (topics: every mapped queue's and user's
 * conversations) and reads each mapped queue's callback media settings. The channel is not opened yet.
 */
export async function startRunning(deps: StartRunningDeps, context: AdapterContext, signal: AbortSignal): Promise<Running> {
  const { config, book, agentByUser } = deps;
  const options = { ...(deps.random ? { random: deps.random } : {}), ...(deps.fetch ? { fetch: deps.fetch } : {}) };

  const client = createGenesysClient({ config, clock: context.clock, signal, ...options });
  const queue = createSerialQueue();
  const sync = createConversationSync({
    book,
    sink: context.sink,
    logger: context.logger,
    now: () => context.clock.now(),
    agentOf: (userId) => agentByUser.get(userId),
    wrapupCodes: config.wrapupCodes,
    readBack: (conversationId) => client.getConversation(conversationId),
    isRunning: () => !signal.aborted,
    onClosed: (record) => {
      record.cancelExpiry?.();
      // Closed is final and stored: later snapshots of the conversation have nothing left to change.
      book.remove(record);
    },
    onOrphan: (conversationId, interactionId) => {
      context.logger.warn({ conversationId, interactionId }, 'genesys: closing the conversation of a create that failed ambiguously (no second call to the customer)');
      client.disconnectCallback(conversationId).catch((error: unknown) => {
        context.logger.error({ err: error, conversationId }, 'genesys: could not close an orphan conversation; the customer may get a second call');
      });
    },
  });
  const reconciler = createGenesysReconciler({
    book,
    clock: context.clock,
    logger: context.logger,
    readBack: (conversationId) => client.getConversation(conversationId),
    applyFresh: (conversation) => queue.run(() => sync.apply(conversation, { fresh: true })),
    reconcileAfterMs: config.reconcileAfterMs,
    isRunning: () => !signal.aborted,
  });
  const topics = [
    ...new Set([
      ...Object.values(config.queueMap).map((queueId) => `v2.routing.queues.${queueId}.conversations`),
      ...Object.values(config.userMap).map((userId) => `v2.users.${userId}.conversations`),
    ]),
  ];
  const current: Running = {
    context,
    client,
    queue,
    sync,
    reconciler,
    signal,
    settings: new Map(),
    presences: new Map(context.agents.map((agent) => [agent.id, agent.presence])),
    channel: createNotificationChannel({
      client,
      topics,
      clock: context.clock,
      logger: context.logger,
      heartbeatTimeoutMs: config.heartbeatTimeoutMs,
      notificationsUrl: config.notificationsUrl,
      ...(options.random ? { random: options.random } : {}),
      onNotification: (notification) => deps.onNotification(current, notification),
      onReopened: () => void reconciler.everything('the notification socket was replaced'),
    }),
  };
  for (const iccQueue of context.queues) {
    const genesysQueueId = config.queueMap[iccQueue.id];
    if (genesysQueueId === undefined) continue;
    const genesysQueue = await client.getQueue(genesysQueueId);
    current.settings.set(iccQueue.id, mapGenesysQueueSettings(genesysQueue.mediaSettings?.callback, iccQueue));
  }
  return current;
}
