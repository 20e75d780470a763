import { createSnapshotRuntime, presenceChangeOf, type SnapshotRuntime } from '@icc/adapter-kit';
import type { AdapterContext, VendorQueueSettings } from '@icc/core';
import type { IccEvent, Presence } from '@icc/protocol';
import { createGenesysClient, type GenesysClient } from './genesys-client';
import type { GenesysAdapterConfig } from './genesys-config';
import type { GenesysCallbackRecord } from './genesys-callback-record';
import { genesysConversationSync } from './genesys-conversation-sync';
import { mapCallbackMediaSettingsToQueueConfig, mapGenesysQueueSettings, type GenesysQueueSettings } from './genesys-map-queue-settings';
import { presenceFromRoutingStatus, ROUTING_STATUS_TOPIC } from './genesys-presence';
import { createNotificationChannel, type NotificationChannel } from './genesys-notification-channel';
import { GenesysConversation, GenesysUserRoutingStatus, type GenesysNotification } from './genesys-schemas';

/** Everything a started adapter holds (the kit's snapshot runtime and Genesys's own); `stopRunning` lets go of all of it. */
export interface Running extends SnapshotRuntime<GenesysConversation, GenesysCallbackRecord> {
  context: AdapterContext;
  client: GenesysClient;
  channel: NotificationChannel;
  /** ICC queue id → its Genesys queue's callback settings, and the same as ICC queue configuration. */
  settings: Map<string, GenesysQueueSettings>;
  queueConfig: Map<string, VendorQueueSettings>;
  counters: { unknownTopics: number; malformedBodies: number };
}

export interface StartRunningDeps {
  config: GenesysAdapterConfig;
  agentByUser: ReadonlyMap<string, string>;
  random?: (() => number) | undefined;
  fetch?: typeof globalThis.fetch | undefined;
}

const CONVERSATION_TOPIC = /^v2\.(users|routing\.queues)\.[^.]+\.conversations$/;

/** Stores a presence change on the ordered queue, unless the agent is in that presence already. */
export function changePresence(current: Running, agentId: string, presence: Presence): Promise<IccEvent[]> {
  return current.emitter.emitWhen(() => presenceChangeOf(current.interactions, agentId, presence, current.context.clock.now()));
}

function onRoutingStatus(current: Running, agentId: string | undefined, eventBody: unknown): void {
  const parsed = GenesysUserRoutingStatus.safeParse(eventBody);
  if (!parsed.success) current.counters.malformedBodies += 1;
  const presence = parsed.success ? presenceFromRoutingStatus(parsed.data) : undefined;
  if (agentId === undefined || presence === undefined) return;
  changePresence(current, agentId, presence).catch((error: unknown) => {
    current.context.logger.error({ err: error, agentId }, 'genesys: storing a routing status change failed');
  });
}

function onNotification(current: Running, agentByUser: ReadonlyMap<string, string>, { topicName, eventBody }: GenesysNotification): void {
  const { logger } = current.context;
  const routingStatusOf = ROUTING_STATUS_TOPIC.exec(topicName)?.[1];
  if (routingStatusOf !== undefined) return onRoutingStatus(current, agentByUser.get(routingStatusOf), eventBody);
  if (!CONVERSATION_TOPIC.test(topicName)) {
    current.counters.unknownTopics += 1;
    return logger.debug({ topic: topicName }, 'genesys: notification of an unhandled topic; skipped');
  }
  const parsed = GenesysConversation.safeParse(eventBody);
  if (!parsed.success) {
    current.counters.malformedBodies += 1;
    return logger.warn({ topic: topicName, issue: parsed.error.issues[0]?.message }, 'genesys: conversation notification did not parse; skipped');
  }
  current.notified(parsed.data);
}

/** Reads each mapped queue's callback settings, opens the notification channel, restores the open interactions of a previous run and reads them back. */
export async function startRunning(deps: StartRunningDeps, context: AdapterContext, signal: AbortSignal): Promise<Running> {
  const { config, agentByUser } = deps;
  const { clock, logger } = context;
  const client = createGenesysClient({ config, clock, signal, random: deps.random, fetch: deps.fetch });
  const runtime = createSnapshotRuntime<GenesysConversation, GenesysCallbackRecord>({
    vendor: 'genesys',
    context,
    signal,
    ...genesysConversationSync({ logger, now: () => clock.now(), agentOf: (userId) => agentByUser.get(userId), userOf: (agentId) => config.userMap[agentId], wrapupCodes: config.wrapupCodes }),
    readBack: (conversationId) => client.getConversation(conversationId),
    stopWork: (conversationId) => client.disconnectCallback(conversationId),
    reconcileAfterMs: config.reconcileAfterMs,
    requestPending: (record) => record.agentDialPending,
  });
  const topics = new Set([
    ...Object.values(config.queueMap).map((queueId) => `v2.routing.queues.${queueId}.conversations`),
    ...Object.values(config.userMap).flatMap((userId) => [`v2.users.${userId}.conversations`, `v2.users.${userId}.routingStatus`]),
  ]);
  const channel = createNotificationChannel({
    client,
    topics: [...topics],
    clock,
    logger,
    heartbeatTimeoutMs: config.heartbeatTimeoutMs,
    notificationsUrl: config.notificationsUrl,
    random: deps.random,
    onNotification: (notification) => onNotification(current, agentByUser, notification),
    onReopened: () => void runtime.reconciler.everything('the notification socket was replaced'),
  });
  const settings = new Map<string, GenesysQueueSettings>();
  const queueConfig = new Map<string, VendorQueueSettings>();
  const current: Running = { ...runtime, context, client, channel, settings, queueConfig, counters: { unknownTopics: 0, malformedBodies: 0 } };
  for (const queue of context.queues) {
    const genesysQueueId = config.queueMap[queue.id];
    if (genesysQueueId === undefined) continue;
    const vendorSettings = mapCallbackMediaSettingsToQueueConfig((await client.getQueue(genesysQueueId)).mediaSettings?.callback ?? {});
    queueConfig.set(queue.id, vendorSettings);
    settings.set(queue.id, mapGenesysQueueSettings(vendorSettings, queue));
  }
  await channel.start().catch(async (error: unknown) => {
    await channel.stop();
    throw error;
  });
  // Offers already in the conversation were planned by the previous run (cursor -1: see the sync's plan).
  runtime.start(({ id, queueId }, { id: callbackId, number }) => {
    const queueSettings = settings.get(queueId);
    return queueSettings && { callbackId, interactionId: id, number, settings: queueSettings, cursor: { offered: -1, resolved: -1 }, agentDialPending: false };
  });
  return current;
}

export async function stopRunning(current: Running): Promise<void> {
  current.stop();
  await current.channel.stop();
}
