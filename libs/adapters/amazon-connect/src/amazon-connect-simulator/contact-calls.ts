import { enqueueContact } from './contact-routing';
import type { SimulatedContact, SimulatedCustomerCall, SimulatedUser } from './simulated-instance';
import { SimulatedApiError, waitThen, type SimulatorContext } from './simulator-context';

const BUSY_AFTER_SECONDS = 1;

function agentOf(context: SimulatorContext, contact: SimulatedContact): SimulatedUser | undefined {
  return contact.userId === undefined ? undefined : context.instance.users.get(contact.userId);
}

function publishAgent(context: SimulatorContext, contact: SimulatedContact): void {
  const user = agentOf(context, contact);
  if (user) context.events.agentEvent(user);
}

/** Streams `contact.accept()`: the agent takes the alerting callback; preview starts (or the call, without preview). */
export function acceptContact(context: SimulatorContext, contact: SimulatedContact, userId: string): void {
  if (contact.phase !== 'alerting' || contact.userId !== userId) {
    throw new SimulatedApiError(409, 'InvalidRequestException', `Contact ${contact.id} is not alerting for user ${userId}`);
  }
  contact.phase = 'preview';
  contact.acceptedAt = context.instance.clock.now();
  context.events.contactEvent(contact, 'CONTACT_DATA_UPDATED', { updatedProperties: ['AgentInfo.AcceptedByAgentTimestamp'] });
  publishAgent(context, contact);
  if (contact.previewSeconds === undefined) placeCall(context, contact);
  else waitThen(context, contact, contact.previewSeconds, () => placeCall(context, contact));
}

function nextCustomerCall(context: SimulatorContext, address: string): SimulatedCustomerCall {
  const script = context.instance.customers.get(address);
  if (!script || script.calls.length === 0) return context.instance.settings.defaultCustomerCall;
  const call = script.calls[Math.min(script.placed, script.calls.length - 1)] as SimulatedCustomerCall;
  script.placed += 1;
  return call;
}

/** Connect dials the customer: when the preview countdown ends, on the CALL action, or for `agent.connect()`. */
export function placeCall(context: SimulatorContext, contact: SimulatedContact): void {
  const now = context.instance.clock.now();
  if (contact.phase === 'preview') contact.previewEndedAt = now;
  contact.phase = 'dialing';
  contact.lastUpdatedAt = now;
  publishAgent(context, contact);
  const call = nextCustomerCall(context, contact.customerAddress);
  switch (call.kind) {
    case 'answer':
      return waitThen(context, contact, call.afterSeconds, () => customerAnswered(context, contact, call.hangUpAfterSeconds));
    case 'no-answer':
      return waitThen(context, contact, call.afterSeconds ?? contact.ringTimeoutSeconds, () =>
        dialFailed(context, contact, { amd: 'AMD_UNANSWERED', reason: 'OUTBOUND_ATTEMPT_FAILED' }),
      );
    case 'busy':
      return waitThen(context, contact, call.afterSeconds ?? BUSY_AFTER_SECONDS, () =>
        dialFailed(context, contact, { amd: 'SIT_TONE_BUSY', reason: 'OUTBOUND_ATTEMPT_FAILED' }),
      );
  }
}

function customerAnswered(context: SimulatorContext, contact: SimulatedContact, hangUpAfterSeconds: number | undefined): void {
  const now = context.instance.clock.now();
  contact.phase = 'connected';
  contact.connectedToSystemAt = now;
  contact.connectedToAgentAt = now;
  contact.answeringMachineDetectionStatus = 'HUMAN_ANSWERED';
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

/**
 * The dial did not connect (no answer within the ring timeout, busy, or the agent hung up while it
 * rang). A queued callback with attempts left is tried again as a new CALLBACK contact that links
 * back to this one, after the minimum time between attempts.
 */
export function dialFailed(context: SimulatorContext, contact: SimulatedContact, outcome: { amd?: string; reason: string }): void {
  const now = context.instance.clock.now();
  waitThen(context, contact, undefined);
  contact.phase = 'after-contact-work';
  contact.disconnectedAt = now;
  contact.afterContactWorkStartedAt = now;
  contact.disconnectReason = outcome.reason;
  if (outcome.amd !== undefined) contact.answeringMachineDetectionStatus = outcome.amd;
  context.events.contactEvent(contact, 'DISCONNECTED');
  publishAgent(context, contact);
  const { attempt, maxAttempts } = contact.callback;
  if (contact.initiationMethod !== 'OUTBOUND' && outcome.amd !== undefined && attempt < maxAttempts) retryCallback(context, contact);
}

function retryCallback(context: SimulatorContext, previous: SimulatedContact): void {
  const { instance } = context;
  const now = instance.clock.now();
  const retry: SimulatedContact = {
    id: instance.nextId(),
    initialContactId: previous.initialContactId ?? previous.id,
    previousContactId: previous.id,
    initiationMethod: 'CALLBACK',
    attributes: { ...previous.attributes },
    customerAddress: previous.customerAddress,
    phase: 'delayed',
    held: false,
    recording: false,
    ringTimeoutSeconds: previous.ringTimeoutSeconds,
    callback: { ...previous.callback, attempt: previous.callback.attempt + 1 },
    missedBy: new Set(),
    initiatedAt: now,
    scheduledAt: now + previous.callback.minSecondsBetweenAttempts * 1000,
    lastUpdatedAt: now,
    ...(previous.queueId !== undefined ? { queueId: previous.queueId } : {}),
    ...(previous.previewSeconds !== undefined ? { previewSeconds: previous.previewSeconds } : {}),
  };
  instance.contacts.set(retry.id, retry);
  context.events.contactEvent(retry, 'INITIATED');
  waitThen(context, retry, previous.callback.minSecondsBetweenAttempts, () => enqueueContact(context, retry));
}

/** Streams `agent.connect(endpoint)`: the agent places an outbound call from the CCP (Retry call). */
export function agentConnect(
  context: SimulatorContext,
  user: SimulatedUser,
  request: { phoneNumber: string; queueId?: string; relatedContactId?: string },
): SimulatedContact {
  if (user.contactId !== undefined) {
    throw new SimulatedApiError(409, 'InvalidRequestException', `User ${user.id} has contact ${user.contactId} on the CCP: clear it first`);
  }
  const { instance } = context;
  const now = instance.clock.now();
  const contact: SimulatedContact = {
    id: instance.nextId(),
    initiationMethod: 'OUTBOUND',
    attributes: {},
    customerAddress: request.phoneNumber,
    phase: 'dialing',
    userId: user.id,
    held: false,
    recording: false,
    ringTimeoutSeconds: 60,
    callback: { attempt: 1, maxAttempts: 1, minSecondsBetweenAttempts: 0 },
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
