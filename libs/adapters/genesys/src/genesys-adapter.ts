import { cancelAtVendor, conflictOnStateRefusal, createAdapterLifecycle, requireOpenInteraction, type ReconcilerStats, type SnapshotSyncStats } from '@icc/adapter-kit';
import { decideCallbackUpdate, IccError, isoAt, type CcaasAdapterV1, type VendorQueueSettings } from '@icc/core';
import type { Interaction } from '@icc/protocol';
import { changePresence, startRunning, stopRunning, type Running } from './genesys-adapter-running';
import { executeGenesysAgentCommand } from './genesys-agent-commands';
import { commandTarget } from './genesys-command-target';
import { GENESYS_CAPABILITIES } from './genesys-capabilities';
import type { GenesysCallbackRecord } from './genesys-callback-record';
import { GenesysAdapterConfig, type GenesysAdapterConfigInput } from './genesys-config';
import { convertToGenesysPresence } from './genesys-presence';
import type { NotificationChannelStats } from './genesys-notification-channel';
import { createGenesysQueuePosition } from './genesys-queue-position';
import { requestGenesysCallback, rescheduleGenesysCallback } from './genesys-request-callback';
import { updateGenesysCallback } from './genesys-callback-data';

/** The kit runtime's counters (`pending`: work queued or reading back; `tracked`: open callbacks) and skipped notifications. */
export type GenesysAdapterDiagnostics = SnapshotSyncStats & ReconcilerStats & Running['counters'] & { pending: number; tracked: number; channel: NotificationChannelStats | undefined };

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
const NO_STATS = { unknownTopics: 0, malformedBodies: 0, stale: 0, duplicates: 0, readBacks: 0, unmatched: 0, orphans: 0, reconciled: 0, reconcileFailures: 0, pending: 0, tracked: 0 };

/** Genesys Cloud as an ICC vendor: Platform API v2 requests out, notification API events in. */
export function createGenesysAdapter(configInput: GenesysAdapterConfigInput, options: GenesysAdapterOptions = {}): GenesysAdapter {
  const config = GenesysAdapterConfig.parse(configInput);
  const agentByUser = new Map(Object.entries(config.userMap).map(([agentId, userId]) => [userId, agentId]));
  const lifecycle = createAdapterLifecycle<Running>({
    name: 'The Genesys adapter',
    start: (context, signal) => startRunning({ config, agentByUser, random: options.random, fetch: options.fetch }, context, signal),
    stop: stopRunning,
  });
  const found = (current: Running, record: GenesysCallbackRecord | undefined, id: string): { record: GenesysCallbackRecord; view: Interaction } => {
    const view = record && current.interactions.interaction(record.interactionId);
    if (!record || !view) throw new IccError('not_found', `${id} is not known to the Genesys adapter`);
    return { record, view };
  };
  /** A change to a callback whose interaction is closed is refused as the engine refuses it (core's `noOpenInteraction`). */
  const callbackOf = (callbackId: string, attempted: string) => {
    const current = lifecycle.current();
    requireOpenInteraction(current.interactions, current.context, callbackId, attempted);
    return { current, ...found(current, current.works.byCallback(callbackId), `Callback ${callbackId}`) };
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

  return {
    specificationVersion: 'v1',
    vendor: 'genesys',
    capabilities: GENESYS_CAPABILITIES,
    diagnostics: () => {
      const running = lifecycle.running();
      return { ...NO_STATS, ...running?.counters, ...running?.stats(), channel: running?.channel.stats() };
    },
    start: (context) => lifecycle.start(context),
    stop: () => lifecycle.stop(),
    queuePosition: createGenesysQueuePosition(config.queueMap, config.estimatedWaitRefreshMs, () => lifecycle.running()),
    queueSettings: (queueId) => lifecycle.running()?.queueConfig.get(queueId),
    requestCallback: (request, identity) => requestGenesysCallback(lifecycle.current(), config, request, identity),
    async updateCallback(callbackId, changes) {
      const { current, record, view } = callbackOf(callbackId, 'callback.updated');
      const updated = decideCallbackUpdate(view, { changes, now: current.context.clock.now() }); // refuses before Genesys is touched
      await updateGenesysCallback(current.client, record, changes);
      return current.emitter.emitWhen(() => [{ ...updated, at: isoAt(current.context.clock.now()) }]);
    },
    async cancelCallback(callbackId, actor, reason) {
      const { current, record, view } = callbackOf(callbackId, 'cancel');
      const stopWork = async () => record.vendorRef !== undefined && current.client.disconnectCallback(record.vendorRef);
      return cancelAtVendor(view, { book: current.interactions, actor, reason, now: () => current.context.clock.now(), stopWork, emit: current.emitter.emitWhen });
    },
    reschedule: async (callbackId, request, actor) => {
      const { current, ...target } = callbackOf(callbackId, 'reschedule');
      return rescheduleGenesysCallback(current, config, target, request, actor);
    },
    async setPresence(agentId, presence) {
      const current = lifecycle.current();
      const userId = config.userMap[agentId];
      if (userId === undefined) throw new IccError('not_found', `Agent ${agentId} is not mapped to a Genesys user; add it to userMap`);
      const change = convertToGenesysPresence(presence, config.presenceDefinitionIds);
      await current.client.setPresence(userId, change.presence);
      if (change.routingStatus) await current.client.setRoutingStatus(userId, change.routingStatus);
      return changePresence(current, agentId, presence);
    },
    async execute(agentId, command) {
      const current = lifecycle.current();
      const target = found(current, current.works.byInteraction(command.interactionId), `Interaction ${command.interactionId}`);
      const userId = config.userMap[agentId];
      if (userId === undefined || target.view.agentId !== agentId) {
        throw new IccError('forbidden', `Interaction ${command.interactionId} is not offered to or handled by ${agentId}`);
      }
      const executed = Promise.resolve().then(() =>
        executeGenesysAgentCommand(commandTarget(current, config, target.record, agentId, userId, command.type), command),
      );
      return refreshOnRefusal(current, target.record, command.type, executed);
    },
  };
}
