import { connectApiError } from './connect-error-statuses';
import type { SimulatedContact, SimulatedCustomerCall, SimulatedUser } from './simulated-instance';
import { waitThen, type SimulatorContext } from './simulator-context';

const BUSY_AFTER_SECONDS = 1;

function agentOf(context: SimulatorContext, contact: SimulatedContact): SimulatedUser | undefined {
  return contact.userId === undefined ? undefined : context.instance.users.get(contact.userId);
}

function publishAgent(context: SimulatorContext, contact: SimulatedContact): void {
  const user = agentOf(context, contact);
  if (user) context.events.agentEvent(user);
}

/**
 * Streams `contact.accept()`: the agent takes the alerting task, which is then connected to them
 * (CONNECTED_TO_AGENT; CONNECTED on the agent's CCP). Nothing is dialed: the agent calls the
 * customer from the CCP when they choose (`agentConnect`).
 */
export function acceptContact(context: SimulatorContext, contact: SimulatedContact, userId: string): void {
  if (contact.phase !== 'alerting' || contact.userId !== userId) {
    throw connectApiError('InvalidRequestException', `Contact ${contact.id} is not alerting for user ${userId}`);
  }
  const now = context.instance.clock.now();
  waitThen(context, contact, undefined);
  contact.phase = 'preview';
  contact.acceptedAt = now;
  contact.connectedToAgentAt = now;
  contact.lastUpdatedAt = now;
  context.events.contactEvent(contact, 'CONNECTED_TO_AGENT');
  publishAgent(context, contact);
}

function nextCustomerCall(context: SimulatorContext, address: string): SimulatedCustomerCall {
  const script = context.instance.customers.get(address);
  if (!script || script.calls.length === 0) return context.instance.settings.defaultCustomerCall;
  const call = script.calls[Math.min(script.placed, script.calls.length - 1)] as SimulatedCustomerCall;
  script.placed += 1;
  return call;
}

/**
 * The customer's phone rings for the call the agent placed. Unanswered calls end with the
 * telecom disconnect reasons of the contact records data model: TELECOM_TIMEOUT (ringing until
 * the timeout), TELECOM_BUSY.
 */
function placeCall(context: SimulatorContext, contact: SimulatedContact): void {
  const now = context.instance.clock.now();
  contact.phase = 'dialing';
  contact.lastUpdatedAt = now;
  publishAgent(context, contact);
  const call = nextCustomerCall(context, contact.customerAddress);
  switch (call.kind) {
    case 'answer':
      return waitThen(context, contact, call.afterSeconds, () => customerAnswered(context, contact, call.hangUpAfterSeconds));
    case 'no-answer':
      return waitThen(context, contact, call.afterSeconds ?? contact.ringTimeoutSeconds, () => dialFailed(context, contact, 'TELECOM_TIMEOUT'));
    case 'busy':
      return waitThen(context, contact, call.afterSeconds ?? BUSY_AFTER_SECONDS, () => dialFailed(context, contact, 'TELECOM_BUSY'));
  }
}

function customerAnswered(context: SimulatorContext, contact: SimulatedContact, hangUpAfterSeconds: number | undefined): void {
  const now = context.instance.clock.now();
  contact.phase = 'connected';
  contact.connectedToSystemAt = now;
  contact.connectedToAgentAt = now;
  context.events.contactEvent(contact, 'CONNECTED_TO_SYSTEM');
  context.events.contactEvent(contact, 'CONNECTED_TO_AGENT');
  publishAgent(context, contact);
  if (hangUpAfterSeconds !== undefined) {
    waitThen(context, contact, hangUpAfterSeconds, () => hangUp(context, contact, 'CUSTOMER_DISCONNECT'));
  }
}

/** The call ends while connected; the agent goes into after-contact work. */
export function hangUp(context: SimulatorContext, contact: SimulatedContact, reason: string): void {
  if (contact.phase !== 'connected') return;
  const now = context.instance.clock.now();
  waitThen(context, contact, undefined);
  contact.phase = 'after-contact-work';
  contact.held = false;
  contact.recording = false;
  contact.disconnectedAt = now;
  contact.afterContactWorkStartedAt = now;
  contact.disconnectReason = reason;
  context.events.contactEvent(contact, 'DISCONNECTED');
  publishAgent(context, contact);
}

/** The dial did not connect (no answer within the ring timeout, busy, or cancelled while it rang). */
export function dialFailed(context: SimulatorContext, contact: SimulatedContact, reason: string): void {
  const now = context.instance.clock.now();
  waitThen(context, contact, undefined);
  contact.phase = 'after-contact-work';
  contact.disconnectedAt = now;
  contact.afterContactWorkStartedAt = now;
  contact.disconnectReason = reason;
  context.events.contactEvent(contact, 'DISCONNECTED');
  publishAgent(context, contact);
}

/**
 * Streams `agent.connect(endpoint)`: the agent places an outbound call from the CCP, to the
 * callback's number or another one. Connect's outbound calls ring for at most 60 s
 * (StartOutboundVoiceContact: "a 60-second dialing timeout").
 */
export function agentConnect(
  context: SimulatorContext,
  user: SimulatedUser,
  request: { phoneNumber: string; queueId?: string; relatedContactId?: string },
): SimulatedContact {
  if (user.contactId !== undefined) {
    throw connectApiError('InvalidRequestException', `User ${user.id} has contact ${user.contactId} on the CCP: clear it first`);
  }
  const { instance } = context;
  const now = instance.clock.now();
  const contact: SimulatedContact = {
    id: instance.nextId(),
    channel: 'VOICE',
    initiationMethod: 'OUTBOUND',
    attributes: {},
    customerAddress: request.phoneNumber,
    phase: 'dialing',
    userId: user.id,
    held: false,
    recording: false,
    ringTimeoutSeconds: 60,
    missedBy: new Set(),
    initiatedAt: now,
    lastUpdatedAt: now,
    ...(request.queueId !== undefined ? { queueId: request.queueId } : {}),
    ...(request.relatedContactId !== undefined ? { relatedContactId: request.relatedContactId } : {}),
  };
  instance.contacts.set(contact.id, contact);
  user.contactId = contact.id;
  context.events.contactEvent(contact, 'INITIATED');
  placeCall(context, contact);
  return contact;
}
