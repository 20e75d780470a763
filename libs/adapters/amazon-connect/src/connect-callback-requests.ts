import { StartTaskContactCommand, StopContactCommand, UpdateContactAttributesCommand } from '@aws-sdk/client-connect';
import {
  assertFutureStart,
  assertMayCancel,
  decideCallbackCreation,
  decideCancel,
  IccError,
  InvalidTransitionError,
  isRetriedRequest,
  nextState,
  type CallbackActor,
  type NewCallbackIdentity,
} from '@icc/core';
import type {
  Callback,
  CreateCallbackRequest,
  IccEvent,
  Interaction,
  RescheduleCallbackRequest,
  SelectablePresence,
  UpdateCallbackRequest,
} from '@icc/protocol';
import type { AdapterRuntime } from './connect-adapter-runtime';
import { AMAZON_CONNECT_CAPABILITIES } from './amazon-connect-capabilities';
import { clearAfterContactWork } from './connect-clear-after-contact-work';
import { newContactProgress } from './connect-contact-progress';
import { toConnectAttributes } from './amazon-connect-attributes';
import { convertToStartTaskContact } from './connect-convert-to-start-task-contact';
import { mapPresenceToAgentStatus } from './connect-map-presence-to-agent-status';
import { putUserStatus } from './connect-put-user-status';

const iso = (epochMs: number) => new Date(epochMs).toISOString();
const VENDOR = 'amazon-connect';

function validationError(path: string, message: string): IccError {
  return new IccError('validation_failed', message, [{ path: path.split('.'), message, code: 'custom' }]);
}

/**
 * StartTaskContact `ScheduledTime`: "cannot be in the past. It must be within up to 6 days in
 * future" (Connect service model). A callback due now gets no ScheduledTime.
 */
export const SCHEDULE_AHEAD_MAX_SECONDS = 6 * 24 * 3600;

function scheduledTime(runtime: AdapterRuntime, start: number | undefined, path: string): number | undefined {
  const now = runtime.context.clock.now();
  if (start === undefined || start <= now) return undefined;
  if (start > now + SCHEDULE_AHEAD_MAX_SECONDS * 1000) {
    throw validationError(path, `Amazon Connect schedules a callback task at most 6 days ahead (StartTaskContact ScheduledTime); ${new Date(start).toISOString()} is further`);
  }
  return start;
}

function startTask(runtime: AdapterRuntime, callback: Callback, scheduledAt: number | undefined, generation: number, relatedContactId?: string) {
  const input = convertToStartTaskContact(
    {
      callback,
      connectQueueId: runtime.connectQueueId(callback.queueId),
      generation,
      ...(scheduledAt !== undefined ? { scheduledAt } : {}),
      ...(relatedContactId !== undefined ? { relatedContactId } : {}),
    },
    runtime.config,
  );
  // The ClientToken makes a retried start harmless: Connect answers with the contact it already made.
  return runtime.api.call('StartTaskContact', (client, abortSignal) => client.send(new StartTaskContactCommand(input), { abortSignal }), true);
}

/** A callback of a closed interaction is forgotten by the adapter; the gateway's store still has it. */
function knownCallback(runtime: AdapterRuntime, callbackId: string): Callback | undefined {
  return runtime.book.callbacks.get(callbackId)?.callback ?? runtime.context.getCallback(callbackId);
}

export async function requestCallback(runtime: AdapterRuntime, request: CreateCallbackRequest, identity: NewCallbackIdentity): Promise<IccEvent[]> {
  const { book } = runtime;
  if (isRetriedRequest(knownCallback(runtime, identity.callbackId), identity)) return [];
  const now = runtime.context.clock.now();
  const { callback, created } = decideCallbackCreation({
    request,
    identity,
    queue: book.queues.get(request.queueId),
    capabilities: AMAZON_CONNECT_CAPABILITIES,
    vendor: VENDOR,
    now,
  });
  const start = request.schedule.type === 'scheduled' ? Date.parse(request.schedule.start) : undefined;
  const answer = await startTask(runtime, callback, scheduledTime(runtime, start, 'schedule.start'), 0);
  if (book.callbacks.has(identity.callbackId)) return [];
  const contactId = answer.ContactId as string;
  // vendorRef: the callback task's contact id, as Connect's contact search and contact records show it.
  const stored = await runtime.emit([{ ...created, vendorRef: contactId, at: iso(runtime.context.clock.now()) }]);
  const progress = newContactProgress({
    contactId,
    initialContactId: contactId,
    interactionId: identity.interactionId,
    role: 'callback',
    phoneNumber: callback.customer.phoneNumbers[0] as string,
  });
  return [...stored, ...(await runtime.registerContact(progress))];
}

function openInteraction(runtime: AdapterRuntime, callbackId: string, attempted: string): Interaction {
  const callback = runtime.book.callbacks.get(callbackId);
  const interaction = callback && runtime.book.interactions.get(callback.interactionId);
  if (interaction) return interaction;
  const closed = runtime.context.getCallback(callbackId);
  if (closed) throw new InvalidTransitionError('closed', attempted, closed.mode);
  throw new IccError('not_found', `Callback ${callbackId} has no open interaction`);
}

function requireTransition(interaction: Interaction, eventType: Parameters<typeof nextState>[2], attempted: string = eventType): void {
  if (nextState(interaction.mode, interaction.state, eventType) === undefined) {
    throw new InvalidTransitionError(interaction.state, attempted, interaction.mode);
  }
}

/** Ends the Connect side of an interaction's current contact: stops it, or clears the agent's after-contact work. */
export async function releaseActiveContact(runtime: AdapterRuntime, interaction: Interaction): Promise<void> {
  const contact = runtime.book.contacts.get(runtime.book.activeContact.get(interaction.id) ?? '');
  if (!contact || contact.completed) return;
  contact.superseded = true;
  if (!contact.disconnected) {
    await runtime.api.call(
      'StopContact',
      (client, abortSignal) => client.send(new StopContactCommand({ InstanceId: runtime.config.instanceId, ContactId: contact.contactId }), { abortSignal }),
      true,
    );
    return;
  }
  if (runtime.streams && interaction.agentId !== undefined) {
    await clearAfterContactWork(runtime, contact.contactId, runtime.connectUserId(interaction.agentId));
  }
}

export async function cancelCallback(runtime: AdapterRuntime, callbackId: string, actor: CallbackActor, reason?: string): Promise<IccEvent[]> {
  const interaction = openInteraction(runtime, callbackId, 'cancel');
  assertMayCancel(interaction);
  await releaseActiveContact(runtime, interaction);
  if (!runtime.book.interactions.has(interaction.id)) return [];
  return runtime.emit([decideCancel(interaction, { actor, ...(reason !== undefined ? { reason } : {}), now: runtime.context.clock.now() })]);
}

/**
 * Connect cannot move a queued callback's delay, so a reschedule starts a new callback contact
 * (linked by RelatedContactId) that waits until the new start, then stops the old one.
 */
export async function rescheduleCallback(
  runtime: AdapterRuntime,
  callbackId: string,
  request: RescheduleCallbackRequest,
  by: 'agent' | 'api' | 'customer',
): Promise<IccEvent[]> {
  const start = Date.parse(request.start);
  assertFutureStart(request.start, runtime.context.clock.now());
  const interaction = openInteraction(runtime, callbackId, 'reschedule');
  requireTransition(interaction, 'interaction.rescheduled', 'reschedule');
  const previous = runtime.book.contacts.get(runtime.book.activeContact.get(interaction.id) ?? '');
  const generation = [...runtime.book.contacts.values()].filter((contact) => contact.interactionId === interaction.id && contact.role === 'callback').length;
  const callback = knownCallback(runtime, callbackId);
  if (!callback) throw new IccError('not_found', `Callback ${callbackId} is not known`);
  const answer = await startTask(runtime, callback, scheduledTime(runtime, start, 'start'), generation, previous?.contactId);
  await releaseActiveContact(runtime, interaction).catch((error: unknown) =>
    runtime.context.logger.warn({ err: error }, 'amazon-connect: the rescheduled callback\'s old contact could not be stopped'),
  );
  const events = await runtime.emit([
    {
      type: 'interaction.rescheduled',
      interactionId: interaction.id,
      callbackId,
      at: iso(runtime.context.clock.now()),
      scheduledAt: request.start,
      ...(request.windowEnd !== undefined ? { windowEnd: request.windowEnd } : {}),
      by,
    },
  ]);
  const contactId = answer.ContactId as string;
  const progress = newContactProgress({
    contactId,
    initialContactId: contactId,
    interactionId: interaction.id,
    role: 'callback',
    phoneNumber: interaction.card.phoneNumbers[0] as string,
  });
  return [...events, ...(await runtime.registerContact(progress))];
}

export async function updateCallback(runtime: AdapterRuntime, callbackId: string, changes: UpdateCallbackRequest): Promise<IccEvent[]> {
  const interaction = openInteraction(runtime, callbackId, 'callback.updated');
  requireTransition(interaction, 'callback.updated');
  const contact = runtime.book.contacts.get(runtime.book.activeContact.get(interaction.id) ?? '');
  if (contact) {
    const { attributes, ...text } = changes;
    const values: Record<string, string> = {};
    for (const [field, value] of Object.entries(text)) if (typeof value === 'string') values[`icc_${field}`] = value;
    Object.assign(values, toConnectAttributes(attributes ?? {}, 'attributes'));
    await runtime.api.call(
      'UpdateContactAttributes',
      (client, abortSignal) =>
        client.send(new UpdateContactAttributesCommand({ InstanceId: runtime.config.instanceId, InitialContactId: contact.initialContactId, Attributes: values }), { abortSignal }),
      true,
    );
  }
  return runtime.emit([{ type: 'callback.updated', interactionId: interaction.id, callbackId, at: iso(runtime.context.clock.now()), changes }]);
}

export async function setPresence(runtime: AdapterRuntime, agentId: string, presence: SelectablePresence): Promise<IccEvent[]> {
  if (!runtime.context.agents.some((agent) => agent.id === agentId)) throw new IccError('not_found', `Agent ${agentId} does not exist`);
  await putUserStatus(runtime, agentId, mapPresenceToAgentStatus(presence, runtime.config.agentStatuses));
  const previous = runtime.book.presence.get(agentId) ?? 'offline';
  if (previous === presence) return [];
  return runtime.emit([{ type: 'agent.presence-changed', agentId, at: iso(runtime.context.clock.now()), presence, previous }]);
}
