import { StartTaskContactCommand, StopContactCommand, UpdateContactAttributesCommand } from '@aws-sdk/client-connect';
import { cancelAtVendor, requireOpenInteraction } from '@icc/adapter-kit';
import {
  decideCallbackCreation,
  decideCallbackUpdate,
  decideReschedule,
  IccError,
  isoAt,
  isRetriedRequest,
  type CallbackActor,
  type NewCallbackIdentity,
} from '@icc/core';
import type { Callback, CreateCallbackRequest, IccEvent, Interaction, RescheduleCallbackRequest, UpdateCallbackRequest } from '@icc/protocol';
import { clearAfterContactWork } from './connect-agent-status';
import { toConnectAttributes } from './connect-attributes';
import { AMAZON_CONNECT_CAPABILITIES } from './connect-capabilities';
import type { ContactProgress } from './connect-contact-progress';
import { convertToStartTaskContact } from './connect-convert-to-start-task-contact';
import type { ConnectRuntime } from './connect-runtime';

/**
 * StartTaskContact `ScheduledTime`: "cannot be in the past. It must be within up to 6 days in
 * future" (Connect service model). A callback due now gets no ScheduledTime.
 */
export const SCHEDULE_AHEAD_MAX_SECONDS = 6 * 24 * 3600;

function scheduledTime(runtime: ConnectRuntime, start: string | undefined, path: string): number | undefined {
  const now = runtime.context.clock.now();
  const at = start === undefined ? undefined : Date.parse(start);
  if (at === undefined || at <= now) return undefined;
  if (at <= now + SCHEDULE_AHEAD_MAX_SECONDS * 1000) return at;
  const message = `Amazon Connect schedules a callback task at most 6 days ahead (StartTaskContact ScheduledTime); ${isoAt(at)} is further`;
  throw new IccError('validation_failed', message, [{ path: path.split('.'), message, code: 'custom' }]);
}

/** Starts the callback task; the ClientToken makes a retried start harmless (Connect answers with the contact it already made). */
async function startTask(runtime: ConnectRuntime, callback: Callback, interactionId: string, scheduledAt: number | undefined, generation: number, related?: string): Promise<ContactProgress> {
  const task = { callback, connectQueueId: runtime.connectQueueId(callback.queueId), generation, scheduledAt, relatedContactId: related };
  const input = convertToStartTaskContact(task, runtime.config);
  const contactId = (await runtime.api.send(new StartTaskContactCommand(input))).ContactId as string;
  const phoneNumber = callback.customer.phoneNumbers[0] as string;
  return { contactId, initialContactId: contactId, interactionId, role: 'callback', phoneNumber };
}

/** A callback of a closed interaction is forgotten by the adapter; the gateway's store still has it. */
const knownCallback = (runtime: ConnectRuntime, callbackId: string): Callback | undefined =>
  runtime.book.callback(callbackId)?.callback ?? runtime.context.getCallback(callbackId);

export async function requestCallback(runtime: ConnectRuntime, request: CreateCallbackRequest, identity: NewCallbackIdentity): Promise<IccEvent[]> {
  if (isRetriedRequest(knownCallback(runtime, identity.callbackId), identity)) return [];
  const queue = runtime.queue(request.queueId);
  const { callback, created } = decideCallbackCreation({ request, identity, queue, capabilities: AMAZON_CONNECT_CAPABILITIES, vendor: 'amazon-connect', now: runtime.context.clock.now() });
  const start = request.schedule.type === 'scheduled' ? request.schedule.start : undefined;
  const task = await startTask(runtime, callback, identity.interactionId, scheduledTime(runtime, start, 'schedule.start'), 0);
  if (runtime.book.callback(identity.callbackId)) return [];
  // vendorRef: the callback task's contact id, as Connect's contact search and contact records show it.
  const stored = await runtime.emit([{ ...created, vendorRef: task.contactId, at: isoAt(runtime.context.clock.now()) }]);
  return [...stored, ...(await runtime.registerContact(task))];
}

/** Ends the Connect side of an interaction's current contact: stops it, or clears the agent's after-contact work. */
export async function releaseActiveContact(runtime: ConnectRuntime, interaction: Interaction): Promise<void> {
  const contact = runtime.contacts.active(interaction.id);
  if (!contact || contact.completed) return;
  contact.superseded = true;
  if (!contact.disconnected) {
    await runtime.api.send(new StopContactCommand({ InstanceId: runtime.config.instanceId, ContactId: contact.contactId }));
  } else if (runtime.streams && interaction.agentId !== undefined) {
    await clearAfterContactWork(runtime, contact.contactId, runtime.connectUserId(interaction.agentId));
  }
}

export async function cancelCallback(runtime: ConnectRuntime, callbackId: string, actor: CallbackActor, reason?: string): Promise<IccEvent[]> {
  const interaction = requireOpenInteraction(runtime.book, runtime.context, callbackId, 'cancel');
  const stopWork = () => releaseActiveContact(runtime, interaction);
  return cancelAtVendor(interaction, { book: runtime.book, actor, reason, now: () => runtime.context.clock.now(), stopWork, emit: (decide) => runtime.emit(decide()) });
}

/**
 * Connect cannot move a task's ScheduledTime once started, so a reschedule starts a new callback
 * task (linked by RelatedContactId) that waits until the new start, then stops the old one.
 */
export async function rescheduleCallback(runtime: ConnectRuntime, callbackId: string, request: RescheduleCallbackRequest, actor: CallbackActor): Promise<IccEvent[]> {
  const interaction = requireOpenInteraction(runtime.book, runtime.context, callbackId, 'reschedule');
  decideReschedule(interaction, { request, actor, capabilities: AMAZON_CONNECT_CAPABILITIES, now: runtime.context.clock.now() }); // refuses before Connect is touched
  const previous = runtime.contacts.active(interaction.id);
  const generation = [...runtime.contacts.contacts.values()].filter((contact) => contact.interactionId === interaction.id && contact.role === 'callback').length;
  const callback = knownCallback(runtime, callbackId) as Callback;
  const task = await startTask(runtime, callback, interaction.id, scheduledTime(runtime, request.start, 'start'), generation, previous?.contactId);
  await releaseActiveContact(runtime, interaction).catch((error: unknown) =>
    runtime.context.logger.warn({ err: error }, "amazon-connect: the rescheduled callback's old contact could not be stopped"),
  );
  const events = await runtime.emit([decideReschedule(interaction, { request, actor, capabilities: AMAZON_CONNECT_CAPABILITIES, now: runtime.context.clock.now() })]);
  return [...events, ...(await runtime.registerContact({ ...task, phoneNumber: interaction.card.phoneNumbers[0] as string }))];
}

export async function updateCallback(runtime: ConnectRuntime, callbackId: string, changes: UpdateCallbackRequest): Promise<IccEvent[]> {
  const interaction = requireOpenInteraction(runtime.book, runtime.context, callbackId, 'callback.updated');
  const updated = decideCallbackUpdate(interaction, { changes, now: runtime.context.clock.now() });
  const contact = runtime.contacts.active(interaction.id);
  if (contact) {
    const { attributes, ...text } = changes;
    const values: Record<string, string> = {};
    for (const [field, value] of Object.entries(text)) if (typeof value === 'string') values[`icc_${field}`] = value;
    Object.assign(values, toConnectAttributes(attributes ?? {}, 'attributes'));
    await runtime.api.send(new UpdateContactAttributesCommand({ InstanceId: runtime.config.instanceId, InitialContactId: contact.initialContactId, Attributes: values }));
  }
  return runtime.emit([{ ...updated, at: isoAt(runtime.context.clock.now()) }]);
}
