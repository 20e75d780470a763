import {
  createInteractionBook,
  createReadBackReconciler,
  createSerialQueue,
  createWorkBook,
  isAwaitingVendorTooLong,
  type InteractionBook,
  type ReadBackReconciler,
  type SerialQueue,
  type SnapshotSync,
  type WorkBook,
} from '@icc/adapter-kit';
import { decideExpiry, type AdapterContext } from '@icc/core';
import type { IccEvent, NewIccEvent } from '@icc/protocol';
import { createGenesysClient, type GenesysClient } from './genesys-client';
import type { GenesysAdapterConfig } from './genesys-config';
import { createConversationSync, type GenesysCallbackRecord } from './genesys-conversation-sync';
import { createNotificationChannel, type NotificationChannel } from './genesys-notification-channel';
import { GenesysConversation, type GenesysNotification } from './genesys-schemas';
import { mapGenesysQueueSettings, type GenesysQueueSettings } from './genesys-map-queue-settings';

/** Everything a started adapter holds; `stopRunning` lets go of all of it. */
export interface Running {
  context: AdapterContext;
  client: GenesysClient;
  channel: NotificationChannel;
  sync: SnapshotSync<GenesysConversation>;
  reconciler: ReadBackReconciler<GenesysCallbackRecord>;
  queue: SerialQueue;
  /** The ICC view of every open interaction (kit book: restored at start, expiry armed by core's rule). */
  interactions: InteractionBook;
  records: WorkBook<GenesysCallbackRecord>;
  settings: Map<string, GenesysQueueSettings>;
  counters: { unknownTopics: number; malformedBodies: number };
  /** Stores events (nothing once stopped) and folds what was stored into the book. */
  store(events: readonly NewIccEvent[]): Promise<IccEvent[]>;
}

export interface StartRunningDeps {
  config: GenesysAdapterConfig;
  agentByUser: ReadonlyMap<string, string>;
  random?: (() => number) | undefined;
  fetch?: typeof globalThis.fetch | undefined;
}

const CONVERSATION_TOPIC = /^v2\.(users|routing\.queues)\.[^.]+\.conversations$/;

function onNotification(current: Running, notification: GenesysNotification): void {
  const { logger } = current.context;
  if (!CONVERSATION_TOPIC.test(notification.topicName)) {
    current.counters.unknownTopics += 1;
    logger.debug({ topic: notification.topicName }, 'genesys: notification of an unhandled topic; skipped');
    return;
  }
  const parsed = GenesysConversation.safeParse(notification.eventBody);
  if (!parsed.success) {
    current.counters.malformedBodies += 1;
    logger.warn({ topic: notification.topicName, issue: parsed.error.issues[0]?.message }, 'genesys: conversation notification did not parse; skipped');
    return;
  }
  current.queue.run(() => current.sync.apply(parsed.data)).catch((error: unknown) => {
    logger.error({ err: error, conversationId: parsed.data.id }, 'genesys: applying a conversation change failed');
  });
}

/**
 * Reads each mapped queue's callback media settings, opens the notification channel (every mapped
 * queue's and user's conversations), restores the open interactions of a previous run
 * (`vendorRef` = conversation id) and reads them all back: nothing was notified while ICC was down.
 */
export async function startRunning(deps: StartRunningDeps, context: AdapterContext, signal: AbortSignal): Promise<Running> {
  const { config } = deps;
  const { clock, logger } = context;
  const client = createGenesysClient({ config, clock, signal, random: deps.random, fetch: deps.fetch });
  const queue = createSerialQueue();
  const records = createWorkBook<GenesysCallbackRecord>();
  const store = async (events: readonly NewIccEvent[]): Promise<IccEvent[]> => {
    if (events.length === 0 || signal.aborted) return [];
    const stored = await context.sink.emit(events);
    interactions.fold(stored);
    return stored;
  };
  const disconnect = (conversationId: string | undefined) =>
    conversationId === undefined
      ? Promise.resolve()
      : client.disconnectCallback(conversationId).catch((error: unknown) => logger.warn({ err: error, conversationId }, 'genesys: could not disconnect the callback'));
  const interactions = createInteractionBook({
    clock,
    onForgotten: (interaction) => records.remove(interaction.id),
    onExpired: (interaction) =>
      void disconnect(records.byInteraction(interaction.id)?.vendorRef)
        .then(() =>
          queue.run(() => {
            const view = interactions.interaction(interaction.id);
            const closed = view && decideExpiry(view, clock.now());
            return store(closed ? [closed] : []);
          }),
        )
        .catch(() => undefined),
  });
  const sync = createConversationSync({
    records,
    interactions,
    store,
    logger,
    now: () => clock.now(),
    agentOf: (userId) => deps.agentByUser.get(userId),
    wrapupCodes: config.wrapupCodes,
    readBack: (conversationId) => client.getConversation(conversationId),
    onOrphan: (conversationId, interactionId) => {
      logger.warn({ conversationId, interactionId }, 'genesys: closing the conversation of a create that failed ambiguously (no second call to the customer)');
      void disconnect(conversationId);
    },
  });
  const reconciler = createReadBackReconciler<GenesysCallbackRecord, GenesysConversation>({
    vendor: 'genesys',
    keyOf: (record) => record.vendorRef,
    open: () => records.all().filter((record) => interactions.interaction(record.interactionId) !== undefined),
    isOverdue: (record, now) => {
      const view = interactions.interaction(record.interactionId);
      return view !== undefined && isAwaitingVendorTooLong(view, { lastNewsAt: record.lastSnapshotAt, now, afterMs: config.reconcileAfterMs, requestPending: record.agentDialPending });
    },
    read: (conversationId) => client.getConversation(conversationId),
    apply: (conversation) => queue.run(() => sync.apply(conversation, { fresh: true })),
    clock,
    logger,
    sweepEveryMs: config.reconcileAfterMs,
    isRunning: () => !signal.aborted,
  });
  const topics = new Set([
    ...Object.values(config.queueMap).map((queueId) => `v2.routing.queues.${queueId}.conversations`),
    ...Object.values(config.userMap).map((userId) => `v2.users.${userId}.conversations`),
  ]);
  const settings = new Map<string, GenesysQueueSettings>();
  const current: Running = {
    context,
    client,
    queue,
    sync,
    reconciler,
    interactions,
    records,
    settings,
    store,
    counters: { unknownTopics: 0, malformedBodies: 0 },
    channel: createNotificationChannel({
      client,
      topics: [...topics],
      clock,
      logger,
      heartbeatTimeoutMs: config.heartbeatTimeoutMs,
      notificationsUrl: config.notificationsUrl,
      random: deps.random,
      onNotification: (notification) => onNotification(current, notification),
      onReopened: () => void reconciler.everything('the notification socket was replaced'),
    }),
  };
  for (const iccQueue of context.queues) {
    const genesysQueueId = config.queueMap[iccQueue.id];
    if (genesysQueueId !== undefined) settings.set(iccQueue.id, mapGenesysQueueSettings((await client.getQueue(genesysQueueId)).mediaSettings?.callback, iccQueue));
  }
  try {
    await current.channel.start();
  } catch (error) {
    await current.channel.stop();
    throw error;
  }
  restoreOpen(current);
  reconciler.start();
  void reconciler.everything('the adapter started');
  return current;
}

function restoreOpen({ context, settings, records, interactions }: Running): void {
  const ours = context.openInteractions.filter((interaction) => interaction.vendor === 'genesys' && settings.has(interaction.queueId) && context.getCallback(interaction.callbackId));
  for (const interaction of ours) {
    records.add({
      callbackId: interaction.callbackId,
      interactionId: interaction.id,
      number: context.getCallback(interaction.callbackId)?.number as string,
      settings: settings.get(interaction.queueId) as GenesysQueueSettings,
      cursor: { offered: -1, resolved: -1 },
      agentDialPending: false,
      ...(interaction.vendorRef !== undefined ? { vendorRef: interaction.vendorRef } : {}),
    });
  }
  interactions.restore({ ...context, openInteractions: ours });
}

export async function stopRunning(current: Running): Promise<void> {
  current.reconciler.stop();
  current.interactions.clear();
  await current.channel.stop();
}
