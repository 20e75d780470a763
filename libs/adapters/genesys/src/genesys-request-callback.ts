import { decideCallbackCreation, decideReschedule, IccError, isRetriedRequest, type NewCallbackIdentity } from '@icc/core';
import type { CreateCallbackRequest, IccEvent, Interaction, RescheduleCallbackRequest } from '@icc/protocol';
import type { Running } from './genesys-adapter-running';
import { GENESYS_CAPABILITIES } from './genesys-capabilities';
import type { GenesysCallbackRecord } from './genesys-callback-record';
import type { GenesysAdapterConfig } from './genesys-config';
import { convertToGenesysCallback } from './genesys-callback-data';

/** `POST /api/v2/conversations/callbacks`, then `interaction.created`; Genesys sets the mode (and a customer-first queue's retries) per queue. */
export async function requestGenesysCallback(current: Running, config: GenesysAdapterConfig, request: CreateCallbackRequest, identity: NewCallbackIdentity): Promise<IccEvent[]> {
  const { context } = current;
  // A closed callback is forgotten by the adapter; the gateway's store still has it.
  if (isRetriedRequest(current.works.byCallback(identity.callbackId) ?? context.getCallback(identity.callbackId), identity)) return [];
  const queue = context.queues.find((candidate) => candidate.id === request.queueId);
  const genesysQueueId = config.queueMap[request.queueId];
  const settings = current.settings.get(request.queueId);
  if (!queue || genesysQueueId === undefined || !settings) {
    throw new IccError('not_found', `Queue ${request.queueId} is not mapped to a Genesys queue; add it to queueMap`, [
      { path: ['queueId'], message: 'Unknown queue', code: 'custom' },
    ]);
  }
  if (request.mode !== undefined && request.mode !== settings.mode) {
    throw new IccError('capability_unsupported', `The Genesys queue routes ${settings.mode} callbacks; Genesys sets the mode per queue`);
  }
  const now = context.clock.now();
  const { created } = decideCallbackCreation({
    request: settings.mode === 'customer-first' ? { ...request, retryPolicy: settings.retryPolicy } : request,
    identity,
    queue: { ...queue, defaultMode: settings.mode },
    capabilities: GENESYS_CAPABILITIES,
    vendor: 'genesys',
    now,
  });
  const record: GenesysCallbackRecord = { callbackId: identity.callbackId, interactionId: identity.interactionId, number: identity.number, settings, cursor: { offered: 0, resolved: 0 }, agentDialPending: false };
  const body = convertToGenesysCallback(request, identity, { ...config, genesysQueueId, now });
  return current.create(record, created, async () => (await current.client.createCallback(body)).conversation.id);
}

/**
 * `PATCH /api/v2/conversations/callbacks` with the new time, and queue or numbers when it moves
 * (`PatchCallbackRequest.agentId` is required: the agent's own user, else `rescheduleUserId`), then
 * `rescheduled` unless Genesys's snapshot already said so. The Genesys queue moved to decides the mode.
 */
export async function rescheduleGenesysCallback(
  current: Running,
  config: GenesysAdapterConfig,
  { record, view }: { record: GenesysCallbackRecord; view: Interaction },
  request: RescheduleCallbackRequest,
  by: 'agent' | 'api' | 'customer',
  agentUserId = config.rescheduleUserId,
): Promise<IccEvent[]> {
  const { queueId, phoneNumbers } = request;
  const settings = queueId === undefined ? undefined : current.settings.get(queueId);
  const iccQueue = current.context.queues.find((candidate) => candidate.id === queueId);
  const queue = settings && iccQueue ? { id: iccQueue.id, name: iccQueue.name, defaultMode: settings.mode } : undefined;
  const decided = decideReschedule(view, { request, actor: by, capabilities: GENESYS_CAPABILITIES, now: current.context.clock.now(), queue });
  if (record.vendorRef === undefined) throw new IccError('vendor_unavailable', 'The callback is not linked to its Genesys conversation yet; try again shortly');
  if (agentUserId === undefined) {
    throw new IccError('vendor_unavailable', 'Genesys needs an agentId to reschedule a callback: set rescheduleUserId (GENESYS_RESCHEDULE_USER_ID) to the integration user');
  }
  record.rescheduledBy = by;
  await current.client.rescheduleCallback({
    conversationId: record.vendorRef,
    agentId: agentUserId,
    callbackScheduledTime: new Date(request.start).toISOString(),
    ...(queueId !== undefined ? { queueId: config.queueMap[queueId] as string } : {}),
    ...(phoneNumbers !== undefined ? { callbackNumbers: [...phoneNumbers] } : {}),
  });
  if (settings) record.settings = settings;
  return current.emitter.emitWhen(() => {
    const now = current.interactions.interaction(record.interactionId);
    if (!now) return [];
    const moved = (decided.queueId !== undefined && now.queueId !== decided.queueId) || (decided.phoneNumbers !== undefined && now.card.phoneNumbers.join() !== decided.phoneNumbers.join());
    return now.state !== 'scheduled' || Date.parse(now.scheduledAt ?? '') !== Date.parse(request.start) || moved ? [decided] : [];
  });
}
