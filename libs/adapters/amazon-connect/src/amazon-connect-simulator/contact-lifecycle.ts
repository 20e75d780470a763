import { vacateAgentSlot } from './agent-status';
import { dialFailed, hangUp } from './contact-calls';
import { enqueueContact, routeContacts } from './contact-routing';
import type { SimulatedContact, SimulatedUser } from './simulated-instance';
import { connectApiError } from './connect-error-statuses';
import { waitThen, type SimulatorContext } from './simulator-context';

export interface NewTaskContact {
  queueId: string;
  attributes: Record<string, string>;
  /** Epoch ms of StartTaskContact `ScheduledTime`; absent = the flow runs at once. */
  scheduledAt?: number;
  relatedContactId?: string;
}

/**
 * Task contacts that nobody completes expire: "EXPIRED" is a task's disconnect reason, after
 * 7 days by default (admin guide, "Contact records data model", DisconnectReason for tasks;
 * https://docs.aws.amazon.com/connect/latest/adminguide/ctr-data-model.html).
 */
export const TASK_EXPIRY_SECONDS = 7 * 24 * 3600;

/**
 * StartTaskContact into the callback-task flow: the flow sets the working queue from the
 * `iccConnectQueueId` attribute and transfers the task to it, at once or at its ScheduledTime.
 */
export function createTaskContact(context: SimulatorContext, request: NewTaskContact): SimulatedContact {
  const { instance } = context;
  const now = instance.clock.now();
  const contact: SimulatedContact = {
    id: instance.nextId(),
    channel: 'TASK',
    initiationMethod: 'API',
    queueId: request.queueId,
    attributes: { ...request.attributes },
    customerAddress: '',
    phase: 'delayed',
    held: false,
    recording: false,
    ringTimeoutSeconds: 0,
    missedBy: new Set(),
    initiatedAt: now,
    lastUpdatedAt: now,
    ...(request.scheduledAt !== undefined ? { scheduledAt: request.scheduledAt } : {}),
    ...(request.relatedContactId !== undefined ? { relatedContactId: request.relatedContactId } : {}),
  };
  instance.contacts.set(contact.id, contact);
  context.events.contactEvent(contact, 'INITIATED');
  contact.cancelExpiry = instance.clock.setTimer(now + TASK_EXPIRY_SECONDS * 1000, () => expireTask(context, contact));
  if (request.scheduledAt !== undefined && request.scheduledAt > now) {
    waitThen(context, contact, (request.scheduledAt - now) / 1000, () => enqueueContact(context, contact));
  } else enqueueContact(context, contact);
  return contact;
}

function expireTask(context: SimulatorContext, contact: SimulatedContact): void {
  delete contact.cancelExpiry;
  if (contact.phase === 'completed' || contact.phase === 'after-contact-work') return;
  endBeforeConversation(context, contact, 'EXPIRED');
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
  contact.cancelExpiry?.();
  delete contact.cancelExpiry;
  contact.phase = 'completed';
  contact.disconnectedAt = now;
  contact.disconnectReason = reason;
  context.events.contactEvent(contact, 'DISCONNECTED');
  context.events.contactEvent(contact, 'COMPLETED');
  releaseAgent(context, contact);
}

/**
 * StopContact: "Chat and task contacts can be terminated in any state"; a call in progress is
 * disconnected. The reason is OTHER ("other/unknown reason, including API-initiated disconnects",
 * contact records data model). A contact that is no longer active is ContactNotFoundException,
 * HTTP 410 in the model ("The contact with the specified ID is not active or does not exist").
 */
export function stopContact(context: SimulatorContext, contact: SimulatedContact): void {
  switch (contact.phase) {
    case 'delayed':
    case 'queued':
    case 'alerting':
    case 'preview':
      return endBeforeConversation(context, contact, 'OTHER');
    case 'dialing':
      return dialFailed(context, contact, 'TELECOM_ORIGINATOR_CANCEL');
    case 'connected':
      return hangUp(context, contact, 'OTHER');
    default:
      throw connectApiError('ContactNotFoundException', `Contact ${contact.id} is not active`);
  }
}

export function requireUsersContact(context: SimulatorContext, contact: SimulatedContact, userId: string): SimulatedUser {
  const user = context.instance.users.get(userId);
  if (!user) throw connectApiError('ResourceNotFoundException', `User ${userId} not found`);
  if (contact.userId !== userId) {
    throw connectApiError('InvalidRequestException', `Contact ${contact.id} is not on the CCP of user ${userId}`);
  }
  return user;
}

function requirePhase(contact: SimulatedContact, action: string, ...phases: SimulatedContact['phase'][]): void {
  if (!phases.includes(contact.phase)) {
    throw connectApiError('InvalidRequestException', `Cannot ${action} contact ${contact.id} while it is ${contact.phase}`);
  }
}

/**
 * Streams `contact.clear()`: after-contact work is done (the COMPLETED event follows); on a task
 * the agent has open, it completes the task (disconnect reason AGENT_COMPLETED, contact records
 * data model).
 */
export function clearContact(context: SimulatorContext, contact: SimulatedContact, userId: string): void {
  requireUsersContact(context, contact, userId);
  if (contact.channel === 'TASK' && contact.phase === 'preview') return endBeforeConversation(context, contact, 'AGENT_COMPLETED');
  requirePhase(contact, 'clear', 'after-contact-work');
  contact.phase = 'completed';
  contact.afterContactWorkEndedAt = context.instance.clock.now();
  context.events.contactEvent(contact, 'COMPLETED');
  releaseAgent(context, contact);
}

/** Streams: the agent hangs up (`connection.destroy()` on the customer connection). */
export function endContact(context: SimulatorContext, contact: SimulatedContact, userId: string): void {
  requireUsersContact(context, contact, userId);
  requirePhase(contact, 'end', 'dialing', 'connected');
  // "the agent/API user cancels the call before connecting" (contact records data model).
  if (contact.phase === 'dialing') dialFailed(context, contact, 'TELECOM_ORIGINATOR_CANCEL');
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
