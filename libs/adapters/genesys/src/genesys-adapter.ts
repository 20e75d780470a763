import { assertMayCancel, decideCancel, decideReschedule, IccError, nextState, type CcaasAdapterV1, type VendorQueueSettings } from '@icc/core';
import { conflictOnStateRefusal, createAdapterLifecycle } from '@icc/adapter-kit';
import type { IccEvent, Interaction, NewInteractionEvent, Presence, RescheduleCallbackRequest } from '@icc/protocol';
import { convertToGenesysPresence } from './genesys-convert-presence';
import { startRunning, type Running } from './genesys-adapter-running';
import { executeGenesysAgentCommand } from './genesys-agent-commands';
import { GENESYS_CAPABILITIES } from './genesys-capabilities';
import { createGenesysCallbackBook, type GenesysCallbackRecord } from './genesys-callback-record';
import { GenesysAdapterConfig, type GenesysAdapterConfigInput } from './genesys-config';
import type { ConversationSyncStats } from './genesys-conversation-sync';
import type { NotificationChannelStats } from './genesys-notification-channel';
import type { ReconcilerStats } from './genesys-reconciler';
import { presenceFromRoutingStatus, ROUTING_STATUS_TOPIC } from './genesys-map-routing-status';
import { GenesysConversation, GenesysUserRoutingStatus, type GenesysNotification } from './genesys-schemas';
import { createGenesysQueuePosition } from './genesys-queue-position';
import { requestGenesysCallback } from './genesys-request-callback';
import { cancelGenesysCallbackTransfer, transferGenesysCallback } from './genesys-transfer-callback';
import { updateGenesysCallback } from './genesys-update-callback';

export interface GenesysAdapterDiagnostics extends ConversationSyncStats, ReconcilerStats {
  /** Notifications on topics the adapter does not handle: counted and skipped. */
  unknownTopics: number;
  /** Notifications of a handled topic whose body did not parse. */
  malformedBodies: number;
  /** Work queued or running (notifications being applied, events being stored). */
  pending: number;
  /** Callbacks the adapter holds in memory: the open ones (a closed one is forgotten). */
  tracked: number;
  channel: NotificationChannelStats | undefined;
}

export interface GenesysAdapter extends CcaasAdapterV1 {
  diagnostics(): GenesysAdapterDiagnostics;
  queuePosition(callbackId: string): { position: number | null; estimatedWaitSeconds: number | null };
  queueSettings(queueId: string): VendorQueueSettings | undefined;
}

export interface GenesysAdapterOptions {
  /** Jitter source for retries and reconnects (tests pin it). */
  random?: () => number;
  fetch?: typeof globalThis.fetch;
}

/** What Genesys answers to a participant or communication change that no longer applies. */
const STATE_REFUSALS: ReadonlySet<number> = new Set([400, 404, 409]);

const CONVERSATION_TOPIC = /^v2\.(users|routing\.queues)\.[^.]+\.conversations$/;

/** Genesys Cloud as an ICC vendor: Platform API v2 requests out, notification API events in. */
export function createGenesysAdapter(configInput: GenesysAdapterConfigInput, options: GenesysAdapterOptions = {}): GenesysAdapter {
  const config = GenesysAdapterConfig.parse(configInput);
  const book = createGenesysCallbackBook();
  const agentByUser = new Map(Object.entries(config.userMap).map(([agentId, userId]) => [userId, agentId]));
  const counters = { unknownTopics: 0, malformedBodies: 0 };
  const lifecycle = createAdapterLifecycle<Running>({
    name: 'The Genesys adapter',
    async start(context, signal) {
      const current = await startRunning({ config, book, agentByUser, random: options.random, fetch: options.fetch, onNotification }, context, signal);
      try {
        await current.channel.start();
      } catch (error) {
        await current.channel.stop();
        throw error;
      }
      restoreOpen(current);
      current.reconciler.start();
      // Whatever changed while the gateway was down was never notified.
      void current.reconciler.everything('the adapter started');
      return current;
    },
    async stop(current) {
      current.reconciler.stop();
      for (const record of book.all()) {
        record.cancelExpiry?.();
        record.cancelExpiry = undefined;
      }
      await current.channel.stop();
    },
  });
  const requireRunning = () => lifecycle.current();
  const recordOf = (callbackId: string): GenesysCallbackRecord & { view: Interaction } => {
    const record = book.byCallback(callbackId);
    if (!record?.view) throw new IccError('not_found', `Callback ${callbackId} is not known to the Genesys adapter`);
    return record as GenesysCallbackRecord & { view: Interaction };
  };
  const held = (record: GenesysCallbackRecord) => {
    if (!record.view || record.conversationId === undefined) throw new IccError('vendor_unavailable', 'The callback is not linked to its Genesys conversation yet; try again shortly');
    return record as GenesysCallbackRecord & { view: Interaction; conversationId: string };
  };
  const emitWhen = (current: Running, record: GenesysCallbackRecord, build: () => NewInteractionEvent[]) =>
    current.queue.run(() => current.sync.store(record, build()));
  const at = (current: Running) => new Date(current.context.clock.now()).toISOString();

  const changePresence = (current: Running, agentId: string, presence: Presence) =>
    current.queue.run(async (): Promise<IccEvent[]> => {
      const previous = current.presences.get(agentId) ?? 'offline';
      if (previous === presence || !lifecycle.isCurrent(current)) return [];
      current.presences.set(agentId, presence);
      return current.context.sink.emit([{ type: 'agent.presence-changed', agentId, at: at(current), presence, previous }]);
    });
  const onRoutingStatus = (current: Running, userId: string, eventBody: unknown) => {
    const parsed = GenesysUserRoutingStatus.safeParse(eventBody);
    const agentId = agentByUser.get(userId);
    const presence = parsed.success ? presenceFromRoutingStatus(parsed.data) : undefined;
    if (!parsed.success) counters.malformedBodies += 1;
    if (agentId === undefined || presence === undefined) return;
    changePresence(current, agentId, presence).catch((error: unknown) => {
      current.context.logger.error({ err: error, agentId }, 'genesys: storing a routing status change failed');
    });
  };

  const onNotification = (current: Running, notification: GenesysNotification) => {
    const routingStatusOf = ROUTING_STATUS_TOPIC.exec(notification.topicName)?.[1];
    if (routingStatusOf !== undefined) return onRoutingStatus(current, routingStatusOf, notification.eventBody);
    if (!CONVERSATION_TOPIC.test(notification.topicName)) {
      counters.unknownTopics += 1;
      current.context.logger.debug({ topic: notification.topicName }, 'genesys: notification of an unhandled topic; skipped');
      return;
    }
    const parsed = GenesysConversation.safeParse(notification.eventBody);
    if (!parsed.success) {
      counters.malformedBodies += 1;
      current.context.logger.warn({ topic: notification.topicName, issue: parsed.error.issues[0]?.message }, 'genesys: conversation notification did not parse; skipped');
      return;
    }
    void current.queue.run(() => current.sync.apply(parsed.data)).catch((error: unknown) => {
      current.context.logger.error({ err: error, conversationId: parsed.data.id }, 'genesys: applying a conversation change failed');
    });
  };

  const armExpiry = (current: Running, record: GenesysCallbackRecord) => {
    const expireAt = record.view ? current.context.getCallback(record.callbackId)?.expireAt ?? record.view.expireAt : undefined;
    if (expireAt === undefined || record.cancelExpiry) return;
    record.cancelExpiry = current.context.clock.setTimer(Date.parse(expireAt), () => {
      record.cancelExpiry = undefined;
      if (!lifecycle.isCurrent(current)) return;
      void closeAtVendor(current, record).finally(() =>
        emitWhen(current, record, () =>
          record.view && nextState(record.view.mode, record.view.state, 'interaction.closed') && record.view.state !== 'wrap-up'
            ? [{ type: 'interaction.closed', interactionId: record.interactionId, callbackId: record.callbackId, at: at(current), outcome: 'expired', by: 'system', detail: 'Expire time passed' }]
            : [],
        ).catch(() => undefined),
      );
    });
  };
  const closeAtVendor = async (current: Running, record: GenesysCallbackRecord) => {
    if (record.conversationId === undefined) return;
    await current.client.disconnectCallback(record.conversationId).catch((error: unknown) => {
      current.context.logger.warn({ err: error, conversationId: record.conversationId }, 'genesys: could not disconnect the callback');
    });
  };

  /**
   * Genesys refusing a call ICC's state allowed means ICC is behind (a notification was missed):
   * the conversation is read back, and the caller gets a conflict instead of a vendor outage.
   */
  const refreshOnRefusal = <T>(current: Running, record: GenesysCallbackRecord, action: string, call: Promise<T>): Promise<T> =>
    conflictOnStateRefusal(call, {
      statuses: STATE_REFUSALS,
      onRefused: () => void current.reconciler.one(record, `Genesys refused ${action}`),
      describe: (refusal) =>
        `Genesys refused "${action}": the conversation has moved on (${refusal.message}). The interaction is being refreshed from Genesys; try again if it still applies.`,
    });

  const reschedule = async (
    current: Running,
    record: GenesysCallbackRecord,
    request: RescheduleCallbackRequest,
    by: 'agent' | 'api' | 'customer',
    agentUserId = config.rescheduleUserId,
  ) => {
    const view = record.view;
    if (!view) throw new IccError('not_found', `Callback ${record.callbackId} is not known to the Genesys adapter`);
    // A move to another queue: Genesys's queue decides the mode (its callback media settings).
    const queueId = request.queueId;
    const settings = queueId === undefined ? undefined : current.settings.get(queueId);
    const iccQueue = current.context.queues.find((candidate) => candidate.id === queueId);
    const queue = settings && iccQueue ? { id: iccQueue.id, name: iccQueue.name, defaultMode: settings.mode } : undefined;
    const decided = decideReschedule(view, { request, actor: by, capabilities: GENESYS_CAPABILITIES, now: current.context.clock.now(), queue });
    if (record.conversationId === undefined) throw new IccError('vendor_unavailable', 'The callback is not linked to its Genesys conversation yet; try again shortly');
    if (agentUserId === undefined) {
      throw new IccError('vendor_unavailable', 'Genesys needs an agentId to reschedule a callback: set rescheduleUserId (GENESYS_RESCHEDULE_USER_ID) to the integration user');
    }
    record.rescheduledBy = by;
    await current.client.rescheduleCallback({
      conversationId: record.conversationId,
      agentId: agentUserId,
      callbackScheduledTime: new Date(request.start).toISOString(),
      ...(queueId !== undefined ? { queueId: config.queueMap[queueId] as string } : {}),
      ...(request.phoneNumbers !== undefined ? { callbackNumbers: [...request.phoneNumbers] } : {}),
    });
    if (settings) record.settings = settings;
    const moved = (now: Interaction) =>
      (decided.queueId !== undefined && now.queueId !== decided.queueId) || (decided.phoneNumbers !== undefined && now.card.phoneNumbers.join() !== decided.phoneNumbers.join());
    return emitWhen(current, record, () =>
      record.view && (record.view.state !== 'scheduled' || Date.parse(record.view.scheduledAt ?? '') !== Date.parse(request.start) || moved(record.view))
        ? [decided]
        : [],
    );
  };

  /** The open interactions of a previous run (`vendorRef` = conversation id), tracked again with their expiry. */
  const restoreOpen = (current: Running) => {
    const { context } = current;
    // A callback in transfer has two open interactions on one conversation: the receiving one takes its snapshots.
    const sendersFirst = [...context.openInteractions].sort((a, b) => Number(b.state === 'transferring') - Number(a.state === 'transferring'));
    for (const interaction of sendersFirst) {
      if (interaction.vendor !== 'genesys' || book.byInteraction(interaction.id)) continue;
      const callback = context.getCallback(interaction.callbackId);
      const settings = current.settings.get(interaction.queueId);
      if (!callback || !settings) continue;
      const record: GenesysCallbackRecord = {
        callbackId: callback.id,
        interactionId: interaction.id,
        number: callback.number,
        view: interaction,
        settings,
        cursor: { offered: -1, resolved: -1 },
        agentDialPending: false,
        ...(interaction.vendorRef !== undefined ? { conversationId: interaction.vendorRef } : {}),
      };
      book.add(record);
      armExpiry(current, record);
    }
  };

  return {
    specificationVersion: 'v1',
    vendor: 'genesys',
    capabilities: GENESYS_CAPABILITIES,
    diagnostics: () => {
      const running = lifecycle.running();
      return {
        ...counters,
        ...(running?.sync.stats() ?? { stale: 0, duplicates: 0, readBacks: 0, unmatched: 0, orphans: 0 }),
        ...(running?.reconciler.stats() ?? { reconciled: 0, reconcileFailures: 0 }),
        pending: (running?.queue.pending() ?? 0) + (running?.reconciler.inFlight() ?? 0),
        tracked: book.all().length,
        channel: running?.channel.stats(),
      };
    },
    start: (context) => lifecycle.start(context),
    stop: () => lifecycle.stop(),
    queuePosition: createGenesysQueuePosition({
      book,
      queueMap: config.queueMap,
      refreshAfterMs: config.estimatedWaitRefreshMs,
      running: () => {
        const current = lifecycle.running();
        return current && { client: current.client, now: () => current.context.clock.now(), logger: current.context.logger };
      },
    }),
    queueSettings: (queueId) => lifecycle.running()?.queueConfig.get(queueId),
    requestCallback: (request, identity) => requestGenesysCallback({ current: requireRunning(), config, book, armExpiry }, request, identity),
    updateCallback: (callbackId, changes) => {
      const current = requireRunning();
      const record = recordOf(callbackId);
      return updateGenesysCallback(current.client, record, changes).then(() =>
        emitWhen(current, record, () => [{ type: 'callback.updated', interactionId: record.interactionId, callbackId, at: at(current), changes }]),
      );
    },
    async cancelCallback(callbackId, actor, reason) {
      const current = requireRunning();
      const record = recordOf(callbackId);
      const { view } = record;
      assertMayCancel(view);
      if (record.conversationId !== undefined) await current.client.disconnectCallback(record.conversationId);
      return emitWhen(current, record, () =>
        record.view?.state === 'closed' ? [] : [decideCancel(view, { actor, ...(reason !== undefined ? { reason } : {}), now: current.context.clock.now() })],
      );
    },
    reschedule: (callbackId, request, actor) => reschedule(requireRunning(), recordOf(callbackId), request, actor),
    async setPresence(agentId, presence) {
      const current = requireRunning();
      const userId = config.userMap[agentId];
      if (userId === undefined) throw new IccError('not_found', `Agent ${agentId} is not mapped to a Genesys user; add it to userMap`);
      const change = convertToGenesysPresence(presence, config.presenceDefinitionIds);
      await current.client.setPresence(userId, change.presence);
      if (change.routingStatus) await current.client.setRoutingStatus(userId, change.routingStatus);
      return changePresence(current, agentId, presence);
    },
    async execute(agentId, command) {
      const current = requireRunning();
      const record = book.byInteraction(command.interactionId);
      if (!record?.view) throw new IccError('not_found', `Interaction ${command.interactionId} is not known to the Genesys adapter`);
      const userId = config.userMap[agentId];
      if (userId === undefined || record.view.agentId !== agentId) {
        throw new IccError('forbidden', `Interaction ${command.interactionId} is not offered to or handled by ${agentId}`);
      }
      const executed = executeGenesysAgentCommand(
        {
          client: current.client,
          config,
          now: () => current.context.clock.now(),
          emitWhen: (target, build) => emitWhen(current, target, build),
          reschedule: (target, start, by) =>
            reschedule(current, target, { start, ...(command.type === 'reschedule' && command.windowEnd !== undefined ? { windowEnd: command.windowEnd } : {}) }, by, userId),
          transferCallback: (source, offer, target) => transferGenesysCallback({ current, config, book, armExpiry }, held(source), offer, target),
          cancelTransfer: (source) => cancelGenesysCallbackTransfer({ current, config, book, armExpiry }, held(source)),
        },
        record,
        userId,
        command,
      );
      return refreshOnRefusal(current, record, command.type, executed);
    },
  };
}
