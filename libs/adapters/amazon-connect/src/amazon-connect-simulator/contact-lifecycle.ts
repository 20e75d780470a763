import { vacateAgentSlot } from './agent-status';
import { dialFailed, hangUp } from './contact-calls';
import { enqueueContact, routeContacts } from './contact-routing';
import type { SimulatedContact, SimulatedUser } from './simulated-instance';
import { SimulatedApiError, waitThen, type SimulatorContext } from './simulator-context';

export interface NewOutboundContact {
  queueId: string;
  customerAddress: string;
  attributes: Record<string, string>;
  previewSeconds?: number;
  ringTimeoutSeconds: number;
  relatedContactId?: string;
}

function numberAttribute(attributes: Record<string, string>, name: string, fallback: number): number {
  const value = Number(attributes[name]);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

/**
 * StartOutboundVoiceContact with an AGENT_FIRST strategy, routed through the queued-callback flow:
 * the flow's Transfer to queue block reads its initial delay, maximum attempts and minimum time
 * between attempts from the contact attributes, else its own defaults.
 */
export function createCallbackContact(context: SimulatorContext, request: NewOutboundContact): SimulatedContact {
  const { instance } = context;
  const defaults = instance.settings.defaultCallbackParameters;
  const now = instance.clock.now();
  const initialDelaySeconds = numberAttribute(request.attributes, 'callbackInitialDelaySeconds', defaults.initialDelaySeconds);
  const contact: SimulatedContact = {
    id: instance.nextId(),
    initiationMethod: 'API',
    queueId: request.queueId,
    attributes: { ...request.attributes },
    customerAddress: request.customerAddress,
    phase: 'delayed',
    held: false,
    recording: false,
    ringTimeoutSeconds: request.ringTimeoutSeconds,
    callback: {
      attempt: 1,
      maxAttempts: Math.max(1, Math.floor(numberAttribute(request.attributes, 'callbackMaxAttempts', defaults.maxAttempts))),
      minSecondsBetweenAttempts: numberAttribute(request.attributes, 'callbackMinSecondsBetweenAttempts', defaults.minSecondsBetweenAttempts),
    },
    missedBy: new Set(),
    initiatedAt: now,
    lastUpdatedAt: now,
    ...(request.previewSeconds !== undefined ? { previewSeconds: request.previewSeconds } : {}),
    ...(request.relatedContactId !== undefined ? { relatedContactId: request.relatedContactId } : {}),
  };
  instance.contacts.set(contact.id, contact);
  if (initialDelaySeconds > 0) contact.scheduledAt = now + initialDelaySeconds * 1000;
  context.events.contactEvent(contact, 'INITIATED');
  if (initialDelaySeconds > 0) waitThen(context, contact, initialDelaySeconds, () => enqueueContact(context, contact));
  else enqueueContact(context, contact);
  return contact;
}

function releaseAgent(context: SimulatorContext, contact: SimulatedContact): void {
  const user = contact.userId === undefined ? undefined : context.instance.users.get(contact.userId);
  if (user?.contactId !== contact.id) return;
  vacateAgentSlot(context, user);
  routeContacts(context);
}

/** Ends a contact that never reached a conversation; nothing is left for the agent to clear. */
function endBeforeConversation(context: SimulatorContext, contact: SimulatedContact, reason: string): void {
  const now = context.instance.clock.now();
  waitThen(context, contact, undefined);
  contact.phase = 'completed';
  contact.disconnectedAt = now;
  contact.disconnectReason = reason;
  context.events.contactEvent(contact, 'DISCONNECTED');
  context.events.contactEvent(contact, 'COMPLETED');
  releaseAgent(context, contact);
}

/** StopContact: "use this API to stop queued callbacks"; a call in progress is disconnected. */
export function stopContact(context: SimulatorContext, contact: SimulatedContact): void {
  switch (contact.phase) {
    case 'delayed':
    case 'queued':
    case 'alerting':
    case 'preview':
      return endBeforeConversation(context, contact, 'API');
    case 'dialing':
      return dialFailed(context, contact, { reason: 'API' });
    case 'connected':
      return hangUp(context, contact, 'API');
    default:
      throw new SimulatedApiError(400, 'ContactNotFoundException', `Contact ${contact.id} has already ended`);
  }
}

export function requireUsersContact(context: SimulatorContext, contact: SimulatedContact, userId: string): SimulatedUser {
  const user = context.instance.users.get(userId);
  if (!user) throw new SimulatedApiError(404, 'ResourceNotFoundException', `User ${userId} not found`);
  if (contact.userId !== userId) {
    throw new SimulatedApiError(409, 'InvalidRequestException', `Contact ${contact.id} is not on the CCP of user ${userId}`);
  }
  return user;
}

function requirePhase(contact: SimulatedContact, action: string, ...phases: SimulatedContact['phase'][]): void {
  if (!phases.includes(contact.phase)) {
    throw new SimulatedApiError(409, 'InvalidRequestException', `Cannot ${action} contact ${contact.id} while it is ${contact.phase}`);
  }
}

/** Streams `contact.clear()`: after-contact work is done (the COMPLETED event follows). */
export function clearContact(context: SimulatorContext, contact: SimulatedContact, userId: string): void {
  requireUsersContact(context, contact, userId);
  requirePhase(contact, 'clear', 'after-contact-work');
  contact.phase = 'completed';
  contact.afterContactWorkEndedAt = context.instance.clock.now();
  context.events.contactEvent(contact, 'COMPLETED');
  releaseAgent(context, contact);
}

/** Preview action DISCARD: the agent closes the callback without calling. */
export function discardContact(context: SimulatorContext, contact: SimulatedContact, userId: string): void {
  requireUsersContact(context, contact, userId);
  requirePhase(contact, 'discard', 'preview');
  contact.previewEndedAt = context.instance.clock.now();
  endBeforeConversation(context, contact, 'OUTBOUND_PREVIEW_DISCARDED');
}

/** Streams: the agent hangs up (`connection.destroy()` on the customer connection). */
export function endContact(context: SimulatorContext, contact: SimulatedContact, userId: string): void {
  requireUsersContact(context, contact, userId);
  requirePhase(contact, 'end', 'dialing', 'connected');
  if (contact.phase === 'dialing') dialFailed(context, contact, { reason: 'AGENT_DISCONNECT' });
  else hangUp(context, contact, 'AGENT_DISCONNECT');
}

/** Streams `connection.hold()` / `connection.resume()` on the customer connection. */
export function setHeld(context: SimulatorContext, contact: SimulatedContact, userId: string, held: boolean): void {
  const user = requireUsersContact(context, contact, userId);
  requirePhase(contact, held ? 'hold' : 'resume', 'connected');
  if (contact.held === held) return;
  contact.held = held;
  contact.lastUpdatedAt = context.instance.clock.now();
  context.events.agentEvent(user);
}

/** Streams `connection.sendDigits()`: only a live, not held, call carries DTMF. */
export function sendDigits(context: SimulatorContext, contact: SimulatedContact, userId: string): void {
  requireUsersContact(context, contact, userId);
  requirePhase(contact, 'send digits on', 'connected');
}

/** StartContactRecording / StopContactRecording. */
export function setRecording(contact: SimulatedContact, recording: boolean): void {
  requirePhase(contact, recording ? 'record' : 'stop recording', 'connected');
  contact.recording = recording;
}

/** UpdateContact `CustomerEndpoint`: another callback number, before the call is placed. */
export function changeCustomerAddress(contact: SimulatedContact, address: string): void {
  requirePhase(contact, 'change the customer endpoint of', 'delayed', 'queued', 'alerting', 'preview');
  contact.customerAddress = address;
}
