import { IccError, InvalidTransitionError, nextState, type AdapterContext, type CcaasAdapterV1 } from '@icc/core';
import { conflictOnStateRefusal } from '@icc/adapter-kit';
import type { IccEvent, NewInteractionEvent } from '@icc/protocol';
import { convertToGenesysPresence } from './convert-to-genesys-presence';
import { startRunning, type Running } from './genesys-adapter-running';
import { executeGenesysAgentCommand } from './genesys-agent-commands';
import { GENESYS_CAPABILITIES } from './genesys-capabilities';
import { createGenesysCallbackBook, type GenesysCallbackRecord } from './genesys-callback-record';
import { GenesysAdapterConfig, type GenesysAdapterConfigInput } from './genesys-config';
import type { ConversationSyncStats } from './genesys-conversation-sync';
import type { NotificationChannelStats } from './genesys-notification-channel';
import type { ReconcilerStats } from './genesys-reconciler';
import { GenesysConversation, type GenesysNotification } from './genesys-schemas';
import { requestGenesysCallback } from './request-genesys-callback';
import { updateGenesysCallback } from './update-genesys-callback';

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
  let running: Running | undefined;

  const requireRunning = (): Running => {
    if (!running) throw new IccError('vendor_unavailable', 'The Genesys adapter is not started');
    return running;
  };
  const recordOf = (callbackId: string): GenesysCallbackRecord => {
    const record = book.byCallback(callbackId);
    if (!record?.view) throw new IccError('not_found', `Callback ${callbackId} is not known to the Genesys adapter`);
    return record;
  };
  const emitWhen = (current: Running, record: GenesysCallbackRecord, build: () => NewInteractionEvent[]) =>
    current.queue.run(() => current.sync.store(record, build()));
  const at = (current: Running) => new Date(current.context.clock.now()).toISOString();

  const onNotification = (current: Running, notification: GenesysNotification) => {
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
      if (running !== current) return;
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

  const reschedule = async (current: Running, record: GenesysCallbackRecord, start: string, windowEnd: string | undefined, by: 'agent' | 'api' | 'customer') => {
    const view = record.view;
    if (!view || nextState(view.mode, view.state, 'interaction.rescheduled') === undefined) {
      throw new InvalidTransitionError(view?.state ?? 'absent', 'interaction.rescheduled', view?.mode ?? 'unknown');
    }
    if (Date.parse(start) <= current.context.clock.now()) {
      throw new IccError('validation_failed', 'start must be in the future', [{ path: ['start'], message: 'Must be in the future', code: 'custom' }]);
    }
    if (record.conversationId === undefined) throw new IccError('vendor_unavailable', 'The callback is not linked to its Genesys conversation yet; try again shortly');
    record.rescheduledBy = by;
    await current.client.rescheduleCallback({ conversationId: record.conversationId, callbackScheduledTime: new Date(start).toISOString() });
    return emitWhen(current, record, () =>
      record.view && (record.view.state !== 'scheduled' || Date.parse(record.view.scheduledAt ?? '') !== Date.parse(start))
        ? [{ type: 'interaction.rescheduled', interactionId: record.interactionId, callbackId: record.callbackId, at: at(current), scheduledAt: start, ...(windowEnd ? { windowEnd } : {}), by }]
        : [],
    );
  };

  return {
    specificationVersion: 'v1',
    vendor: 'genesys',
    capabilities: GENESYS_CAPABILITIES,
    diagnostics: () => ({
      ...counters,
      ...(running?.sync.stats() ?? { stale: 0, duplicates: 0, readBacks: 0, unmatched: 0, orphans: 0 }),
      ...(running?.reconciler.stats() ?? { reconciled: 0, reconcileFailures: 0 }),
      pending: (running?.queue.pending() ?? 0) + (running?.reconciler.inFlight() ?? 0),
      tracked: book.all().length,
      channel: running?.channel.stats(),
    }),
    async start(context) {
      if (running) throw new IccError('vendor_unavailable', 'The Genesys adapter is already started');
      const current = await startRunning(
        {
          config,
          book,
          agentByUser,
          random: options.random,
          fetch: options.fetch,
          isCurrent: (candidate: AdapterContext) => running?.context === candidate,
          onNotification,
        },
        context,
      );
      running = current;
      try {
        await current.channel.start();
      } catch (error) {
        running = undefined;
        current.abort.abort(error);
        await current.channel.stop();
        throw error;
      }
      for (const interaction of context.openInteractions) {
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
      current.reconciler.start();
      // Whatever changed while the gateway was down was never notified.
      void current.reconciler.everything('the adapter started');
    },
    async stop() {
      const current = running;
      if (!current) return;
      running = undefined;
      current.reconciler.stop();
      current.abort.abort(new IccError('shutting_down', 'The Genesys adapter stopped'));
      for (const record of book.all()) {
        record.cancelExpiry?.();
        record.cancelExpiry = undefined;
      }
      await current.channel.stop();
    },
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
      const view = record.view;
      if (!view || view.state === 'wrap-up' || nextState(view.mode, view.state, 'interaction.closed') === undefined) {
        throw new InvalidTransitionError(view?.state ?? 'absent', 'cancel', view?.mode ?? 'unknown');
      }
      if (record.conversationId !== undefined) await current.client.disconnectCallback(record.conversationId);
      const by = actor === 'agent' ? 'agent' : actor === 'customer' ? 'customer' : 'api';
      return emitWhen(current, record, () =>
        record.view?.state === 'closed'
          ? []
          : [{ type: 'interaction.closed', interactionId: record.interactionId, callbackId, at: at(current), outcome: 'cancelled', by, detail: reason ?? 'Cancelled' }],
      );
    },
    reschedule: (callbackId, request, actor) => {
      const current = requireRunning();
      const by = actor === 'agent' ? 'agent' : actor === 'customer' ? 'customer' : 'api';
      return reschedule(current, recordOf(callbackId), request.start, request.windowEnd, by);
    },
    async setPresence(agentId, presence) {
      const current = requireRunning();
      const userId = config.userMap[agentId];
      if (userId === undefined) throw new IccError('not_found', `Agent ${agentId} is not mapped to a Genesys user; add it to userMap`);
      const change = convertToGenesysPresence(presence, config.presenceDefinitionIds);
      await current.client.setPresence(userId, change.presence);
      if (change.routingStatus) await current.client.setRoutingStatus(userId, change.routingStatus);
      return current.queue.run(async (): Promise<IccEvent[]> => {
        const previous = current.presences.get(agentId) ?? 'offline';
        if (previous === presence || running !== current) return [];
        current.presences.set(agentId, presence);
        return current.context.sink.emit([{ type: 'agent.presence-changed', agentId, at: at(current), presence, previous }]);
      });
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
          reschedule: (target, start, by) => reschedule(current, target, start, command.type === 'reschedule' ? command.windowEnd : undefined, by),
        },
        record,
        userId,
        command,
      );
      return refreshOnRefusal(current, record, command.type, executed);
    },
  };
}
