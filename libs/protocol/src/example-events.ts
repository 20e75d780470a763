import type { IccEventOf, InteractionEventType } from './events/icc-event';
import { EXAMPLE_IDS, EXAMPLE_PHONE_NUMBERS, EXAMPLE_TIMES, exampleCallback } from './examples';

type EnvelopeKey = 'type' | 'seq' | 'at' | 'interactionId' | 'callbackId';
type EventPayloads = { [Type in InteractionEventType]: () => Omit<IccEventOf<Type>, EnvelopeKey> };

/** A valid payload for every interaction event type (the fields after the common envelope). */
const EVENT_PAYLOADS: EventPayloads = {
  'interaction.created': () => ({
    callback: exampleCallback(),
    queueName: 'Support',
    vendor: EXAMPLE_IDS.vendor,
    initialState: 'queued',
  }),
  'callback.updated': () => ({ changes: { notes: 'Customer prefers a call after 4 pm.' } }),
  'interaction.queued': () => ({ cause: 'schedule-start', overdue: false }),
  'interaction.rescheduled': () => ({
    scheduledAt: EXAMPLE_TIMES.scheduledStart,
    windowEnd: EXAMPLE_TIMES.scheduledWindowEnd,
    by: 'agent',
  }),
  'interaction.offered': () => ({ agentId: EXAMPLE_IDS.agentId, expiresAt: '2026-03-10T14:06:30Z' }),
  'interaction.offer-declined': () => ({ agentId: EXAMPLE_IDS.otherAgentId, cause: 'rejected' }),
  'interaction.accepted': () => ({ agentId: EXAMPLE_IDS.agentId }),
  'interaction.transfer-requested': () => ({
    target: { kind: 'queue', queueId: EXAMPLE_IDS.salesQueueId },
    toInteractionId: EXAMPLE_IDS.transferInteractionId,
  }),
  'interaction.transfer-cancelled': () => ({ queueId: EXAMPLE_IDS.queueId }),
  'interaction.dialing': () => ({
    attempt: 1,
    phoneNumber: EXAMPLE_PHONE_NUMBERS.us,
    agentId: EXAMPLE_IDS.agentId,
    trigger: 'agent',
  }),
  'interaction.customer-answered': () => ({}),
  'interaction.dial-failed': () => ({ failure: 'no-answer' }),
  'interaction.retry-scheduled': () => ({ nextRetryAt: '2026-03-10T14:12:00Z' }),
  'interaction.held': () => ({}),
  'interaction.resumed': () => ({}),
  'interaction.muted': () => ({ muted: true }),
  'interaction.recording': () => ({ recording: true }),
  'interaction.dtmf-sent': () => ({ digits: '1234#' }),
  'interaction.escalated': () => ({ escalated: true }),
  'interaction.consult-started': () => ({ agentId: EXAMPLE_IDS.otherAgentId }),
  'interaction.consult-ended': () => ({ result: 'merged' }),
  'interaction.call-transferred': () => ({
    fromAgentId: EXAMPLE_IDS.agentId,
    toAgentId: EXAMPLE_IDS.otherAgentId,
    method: 'blind',
  }),
  'interaction.call-requeued': () => ({ fromAgentId: EXAMPLE_IDS.agentId, queueId: EXAMPLE_IDS.queueId, queueConfigVersion: 1 }),
  'interaction.call-transferred-externally': () => ({ fromAgentId: EXAMPLE_IDS.agentId, phoneNumber: '+14155550199' }),
  'interaction.call-ended': () => ({ by: 'customer' }),
  'interaction.wrap-up-extended': () => ({ agentId: EXAMPLE_IDS.agentId, autoCloseAt: '2026-03-10T14:20:00Z', extendedBySeconds: 120 }),
  'interaction.closed': () => ({
    outcome: 'completed',
    by: 'agent',
    wrapUp: { reason: 'resolved', notes: 'Rolled back firmware to 4.1.9; connection stable.' },
  }),
};

/** Every interaction event type, in the order of `INTERACTION_EVENT_SCHEMAS`. */
export const EXAMPLE_INTERACTION_EVENT_TYPES = Object.keys(EVENT_PAYLOADS) as InteractionEventType[];

/**
 * A valid event of `type` about the example interaction (`seq` 1, at the request time unless
 * overridden). Overrides are shallow and may replace any field, the envelope included.
 */
export function exampleInteractionEvent<Type extends InteractionEventType>(
  type: Type,
  overrides: Partial<IccEventOf<Type>> = {},
): IccEventOf<Type> {
  const payload = EVENT_PAYLOADS[type]() as Omit<IccEventOf<Type>, EnvelopeKey>;
  return {
    type,
    seq: 1,
    at: EXAMPLE_TIMES.requestedAt,
    interactionId: EXAMPLE_IDS.interactionId,
    callbackId: EXAMPLE_IDS.callbackId,
    ...payload,
    ...overrides,
  } as IccEventOf<Type>;
}

/** `interaction.created` for `exampleCallback()` in the Support queue, initially queued. */
export function exampleInteractionCreatedEvent(
  overrides: Partial<IccEventOf<'interaction.created'>> = {},
): IccEventOf<'interaction.created'> {
  return exampleInteractionEvent('interaction.created', overrides);
}

export function exampleAgentPresenceChangedEvent(
  overrides: Partial<IccEventOf<'agent.presence-changed'>> = {},
): IccEventOf<'agent.presence-changed'> {
  return {
    type: 'agent.presence-changed',
    seq: 1,
    at: '2026-03-10T13:58:00Z',
    agentId: EXAMPLE_IDS.agentId,
    presence: 'available',
    previous: 'offline',
    ...overrides,
  };
}
