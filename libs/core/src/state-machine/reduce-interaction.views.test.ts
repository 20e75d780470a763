import {
  EXAMPLE_INTERACTION_EVENT_TYPES,
  exampleCallback,
  exampleContextCard,
  exampleInteractionCreatedEvent,
  exampleInteractionEvent,
  type IccEventOf,
  type Interaction,
  type InteractionEventType,
  type NewInteractionEvent,
} from '@icc/protocol';
import { deepFreeze } from './fold-story.test-support';
import { createInteraction, reduceInteraction } from './reduce-interaction';

// The reducer against views written out by hand, one or more per event type: each case states the
// view before, the event, and the whole view after (as "the view before, with these fields changed
// and these removed"), so a field the reducer drops, keeps or invents by mistake fails a case.

const AT = '2026-03-10T14:20:00Z';
const CARD = exampleContextCard();
const ATTEMPT_1 = { attempt: 1, phoneNumber: '+14155552671', startedAt: '2026-03-10T14:07:02Z' } as const;

/** Agent-first, queued, and carrying every field that must survive events unrelated to it. */
const BEFORE: Interaction = {
  id: 'ix-0001',
  callbackId: 'cb-0001',
  vendor: 'mock',
  vendorRef: 'conv-7781',
  queueId: 'q-support',
  mode: 'agent-first',
  state: 'queued',
  declinedBy: ['agent-bob'],
  customerOnLine: false,
  attempts: [],
  maxAttempts: 3,
  scheduledAt: '2026-03-10T14:00:00Z',
  windowEnd: '2026-03-10T18:00:00Z',
  expireAt: '2026-03-14T23:59:59Z',
  requestedAt: '2026-03-10T14:05:00Z',
  transferredFrom: 'ix-0000',
  call: { muted: false, recording: false, escalated: false, conference: false },
  card: CARD,
  seq: 1,
};

const before = (fields: Partial<Interaction>): Interaction => deepFreeze({ ...BEFORE, ...fields });

function event<Type extends InteractionEventType>(type: Type, fields: Partial<IccEventOf<Type>> = {}): IccEventOf<Type> {
  return deepFreeze(exampleInteractionEvent(type, { seq: 2, at: AT, ...fields }));
}

function without(view: Interaction, ...keys: (keyof Interaction)[]): Interaction {
  const copy: Partial<Interaction> = { ...view };
  for (const key of keys) delete copy[key];
  return copy as Interaction;
}

describe('createInteraction: the view from interaction.created', () => {
  it('carries the vendor reference, queue version and closing reasons, schedule window, expiry, wait start and transfer origin of the callback', () => {
    const callback = exampleCallback({
      mode: 'customer-first',
      schedule: { type: 'scheduled', start: '2026-03-11T16:00:00Z', windowEnd: '2026-03-11T17:00:00Z' },
      expireAt: '2026-03-14T23:59:59Z',
      waitingSince: '2026-03-10T13:50:00Z',
      retryPolicy: { maxAttempts: 5, minIntervalSeconds: 600 },
    });
    const created = exampleInteractionCreatedEvent({
      seq: 7,
      callback,
      queueName: 'Sales',
      vendorRef: 'conv-7781',
      initialState: 'scheduled',
      scheduledAt: '2026-03-11T16:00:00Z',
      transferredFrom: 'ix-0000',
      queueConfigVersion: 4,
      closingReasons: ['Resolved', 'Customer unreachable'],
    });
    expect(createInteraction(deepFreeze(created))).toStrictEqual({
      id: 'ix-0001',
      callbackId: 'cb-0001',
      vendor: 'mock',
      vendorRef: 'conv-7781',
      queueId: 'q-support',
      mode: 'customer-first',
      state: 'scheduled',
      declinedBy: [],
      customerOnLine: false,
      attempts: [],
      maxAttempts: 5,
      requestedAt: '2026-03-10T14:05:00Z',
      scheduledAt: '2026-03-11T16:00:00Z',
      windowEnd: '2026-03-11T17:00:00Z',
      expireAt: '2026-03-14T23:59:59Z',
      waitingSince: '2026-03-10T13:50:00Z',
      transferredFrom: 'ix-0000',
      queueConfigVersion: 4,
      closingReasons: ['Resolved', 'Customer unreachable'],
      call: { muted: false, recording: false, escalated: false, conference: false },
      card: { ...CARD, queueName: 'Sales', mode: 'customer-first', type: 'scheduled', scheduledAt: '2026-03-11T16:00:00Z', maxAttempts: 5 },
      seq: 7,
    });
  });

  it('leaves out what the request did not have: no vendor reference, queue version, closing reasons, window, expiry, wait start or origin; seq 0 when not yet stored', () => {
    const callback = exampleCallback({ schedule: { type: 'scheduled', start: '2026-03-11T16:00:00Z' } });
    const { seq: _unstored, ...created } = exampleInteractionCreatedEvent({ callback, initialState: 'scheduled' });
    const view = createInteraction(created);
    expect(view).toStrictEqual({
      id: 'ix-0001',
      callbackId: 'cb-0001',
      vendor: 'mock',
      queueId: 'q-support',
      mode: 'agent-first',
      state: 'scheduled',
      declinedBy: [],
      customerOnLine: false,
      attempts: [],
      maxAttempts: 3,
      requestedAt: '2026-03-10T14:05:00Z',
      call: { muted: false, recording: false, escalated: false, conference: false },
      card: { ...CARD, type: 'scheduled', scheduledAt: '2026-03-11T16:00:00Z' },
      seq: 0,
    });
    for (const key of ['vendorRef', 'queueConfigVersion', 'closingReasons', 'scheduledAt', 'windowEnd', 'expireAt', 'waitingSince', 'transferredFrom'] as const) {
      expect(view).not.toHaveProperty(key);
    }
  });
});

type Case = { name: string; before: Interaction; event: NewInteractionEvent; after: Interaction };

const CASES: Case[] = [
  {
    name: 'callback.updated: the edited text and attributes go on the card, the state stays',
    before: before({}),
    event: event('callback.updated', { changes: { notes: 'Call after 4 pm', shortDescription: 'Router drops', attributes: { productModel: 'AX-3100' } } }),
    after: { ...BEFORE, seq: 2, card: { ...CARD, notes: 'Call after 4 pm', shortDescription: 'Router drops', attributes: { productModel: 'AX-3100' } } },
  },
  {
    name: 'callback.updated without attributes keeps the card attributes',
    before: before({ state: 'wrap-up' }),
    event: event('callback.updated', { changes: { caseRef: 'CS0042' } }),
    after: { ...BEFORE, state: 'wrap-up', seq: 2, card: { ...CARD, caseRef: 'CS0042' } },
  },
  {
    name: 'interaction.queued from retry-wait: unassigned, no offer or retry pending',
    before: before({ mode: 'customer-first', state: 'retry-wait', agentId: 'agent-ada', offerExpiresAt: '2026-03-10T14:06:30Z', nextRetryAt: AT }),
    event: event('interaction.queued', { cause: 'retry' }),
    after: { ...BEFORE, mode: 'customer-first', state: 'queued', seq: 2 },
  },
  {
    name: 'interaction.queued because the customer answered: the customer is on the line',
    before: before({ mode: 'customer-first', state: 'retry-wait' }),
    event: event('interaction.queued', { cause: 'customer-answered' }),
    after: { ...BEFORE, mode: 'customer-first', state: 'queued', customerOnLine: true, seq: 2 },
  },
  {
    name: 'interaction.rescheduled with a window: new start and window, unassigned, card scheduled',
    before: before({
      state: 'previewing',
      agentId: 'agent-ada',
      offerExpiresAt: '2026-03-10T14:06:30Z',
      autoDialAt: '2026-03-10T14:25:00Z',
      nextRetryAt: '2026-03-10T14:30:00Z',
      transfer: { target: { kind: 'queue', queueId: 'q-sales' }, toInteractionId: 'ix-0002', requestedAt: '2026-03-10T14:10:00Z' },
      customerOnLine: true,
      acceptedAt: '2026-03-10T14:06:12Z',
    }),
    event: event('interaction.rescheduled', { scheduledAt: '2026-03-12T15:00:00Z', windowEnd: '2026-03-12T16:00:00Z', by: 'agent' }),
    after: {
      ...BEFORE,
      state: 'scheduled',
      acceptedAt: '2026-03-10T14:06:12Z',
      scheduledAt: '2026-03-12T15:00:00Z',
      windowEnd: '2026-03-12T16:00:00Z',
      customerOnLine: false,
      card: { ...CARD, type: 'scheduled', scheduledAt: '2026-03-12T15:00:00Z' },
      seq: 2,
    },
  },
  {
    name: 'interaction.rescheduled without a window removes the old window',
    before: before({ state: 'no-answer', agentId: 'agent-ada' }),
    event: event('interaction.rescheduled', { scheduledAt: '2026-03-12T15:00:00Z', windowEnd: undefined, by: 'api' }),
    after: {
      ...without(BEFORE, 'windowEnd'),
      state: 'scheduled',
      scheduledAt: '2026-03-12T15:00:00Z',
      card: { ...CARD, type: 'scheduled', scheduledAt: '2026-03-12T15:00:00Z' },
      seq: 2,
    },
  },
  {
    name: 'interaction.offered: the agent, the offer expiry and the first offer time',
    before: before({}),
    event: event('interaction.offered', { agentId: 'agent-ada', expiresAt: '2026-03-10T14:20:30Z' }),
    after: { ...BEFORE, state: 'offered', agentId: 'agent-ada', offerExpiresAt: '2026-03-10T14:20:30Z', offeredAt: AT, seq: 2 },
  },
  {
    name: 'interaction.offered again keeps the first offer time',
    before: before({ offeredAt: '2026-03-10T14:06:00Z' }),
    event: event('interaction.offered', { agentId: 'agent-grace', expiresAt: '2026-03-10T14:20:30Z' }),
    after: { ...BEFORE, state: 'offered', agentId: 'agent-grace', offerExpiresAt: '2026-03-10T14:20:30Z', offeredAt: '2026-03-10T14:06:00Z', seq: 2 },
  },
  {
    name: 'interaction.offer-declined: back to the queue, the agent added to those who declined',
    before: before({ state: 'offered', agentId: 'agent-grace', offerExpiresAt: '2026-03-10T14:20:30Z', offeredAt: '2026-03-10T14:06:00Z' }),
    event: event('interaction.offer-declined', { agentId: 'agent-grace', cause: 'timeout' }),
    after: { ...BEFORE, state: 'queued', declinedBy: ['agent-bob', 'agent-grace'], offeredAt: '2026-03-10T14:06:00Z', seq: 2 },
  },
  {
    name: 'interaction.accepted agent-first: previewing, with the auto-dial countdown, declines forgotten',
    before: before({ state: 'offered', agentId: 'agent-ada', offerExpiresAt: '2026-03-10T14:20:30Z' }),
    event: event('interaction.accepted', { agentId: 'agent-ada', autoDialAt: '2026-03-10T14:25:00Z' }),
    after: { ...BEFORE, state: 'previewing', agentId: 'agent-ada', acceptedAt: AT, declinedBy: [], autoDialAt: '2026-03-10T14:25:00Z', seq: 2 },
  },
  {
    name: 'interaction.accepted customer-first: connected at once, no auto-dial',
    before: before({ mode: 'customer-first', state: 'offered', agentId: 'agent-ada', offerExpiresAt: '2026-03-10T14:20:30Z', customerOnLine: true }),
    event: event('interaction.accepted', { agentId: 'agent-ada' }),
    after: { ...BEFORE, mode: 'customer-first', state: 'connected', agentId: 'agent-ada', acceptedAt: AT, connectedAt: AT, declinedBy: [], customerOnLine: true, seq: 2 },
  },
  {
    name: 'interaction.transfer-requested: the transfer is recorded and the auto-dial countdown stops',
    before: before({ state: 'previewing', agentId: 'agent-ada', autoDialAt: '2026-03-10T14:25:00Z' }),
    event: event('interaction.transfer-requested', { target: { kind: 'agent', agentId: 'agent-grace' }, toInteractionId: 'ix-0002' }),
    after: {
      ...BEFORE,
      state: 'transferring',
      agentId: 'agent-ada',
      transfer: { target: { kind: 'agent', agentId: 'agent-grace' }, toInteractionId: 'ix-0002', requestedAt: AT },
      seq: 2,
    },
  },
  {
    name: 'interaction.transfer-cancelled: back to the preview without the transfer',
    before: before({
      state: 'transferring',
      agentId: 'agent-ada',
      transfer: { target: { kind: 'queue', queueId: 'q-sales' }, toInteractionId: 'ix-0002', requestedAt: '2026-03-10T14:10:00Z' },
    }),
    event: event('interaction.transfer-cancelled', { queueId: 'q-support' }),
    after: { ...BEFORE, state: 'previewing', agentId: 'agent-ada', seq: 2 },
  },
  {
    name: 'interaction.dialing, first attempt agent-first: the attempt, first dial time, preview duration, card attempt',
    before: before({ state: 'previewing', agentId: 'agent-ada', acceptedAt: '2026-03-10T14:19:30Z', autoDialAt: '2026-03-10T14:25:00Z' }),
    event: event('interaction.dialing', { attempt: 1, phoneNumber: '+14155552671', agentId: 'agent-ada', trigger: 'agent' }),
    after: {
      ...BEFORE,
      state: 'dialing',
      agentId: 'agent-ada',
      acceptedAt: '2026-03-10T14:19:30Z',
      attempts: [{ attempt: 1, phoneNumber: '+14155552671', startedAt: AT }],
      firstDialedAt: AT,
      previewDurationMs: 30_000,
      card: { ...CARD, attempt: 1 },
      seq: 2,
    },
  },
  {
    name: 'interaction.dialing again (Retry call) without an agent id keeps the agent and the first dial',
    before: before({
      state: 'no-answer',
      agentId: 'agent-ada',
      acceptedAt: '2026-03-10T14:06:12Z',
      attempts: [{ ...ATTEMPT_1, outcome: 'no-answer', endedAt: '2026-03-10T14:07:40Z' }],
      firstDialedAt: ATTEMPT_1.startedAt,
      previewDurationMs: 50_000,
      card: { ...CARD, attempt: 1 },
    }),
    event: event('interaction.dialing', { attempt: 2, phoneNumber: '+14155550100', agentId: undefined, trigger: 'agent' }),
    after: {
      ...BEFORE,
      state: 'dialing',
      agentId: 'agent-ada',
      acceptedAt: '2026-03-10T14:06:12Z',
      attempts: [
        { ...ATTEMPT_1, outcome: 'no-answer', endedAt: '2026-03-10T14:07:40Z' },
        { attempt: 2, phoneNumber: '+14155550100', startedAt: AT },
      ],
      firstDialedAt: ATTEMPT_1.startedAt,
      previewDurationMs: 50_000,
      card: { ...CARD, attempt: 2 },
      seq: 2,
    },
  },
  {
    name: 'interaction.dialing customer-first: the reserved agent, no preview duration, the retry wait is over',
    before: before({ mode: 'customer-first', nextRetryAt: '2026-03-10T14:19:00Z' }),
    event: event('interaction.dialing', { attempt: 1, phoneNumber: '+14155552671', agentId: 'agent-ada', trigger: 'system' }),
    after: {
      ...BEFORE,
      mode: 'customer-first',
      state: 'dialing',
      agentId: 'agent-ada',
      attempts: [{ attempt: 1, phoneNumber: '+14155552671', startedAt: AT }],
      firstDialedAt: AT,
      card: { ...CARD, attempt: 1 },
      seq: 2,
    },
  },
  {
    name: 'interaction.dialing stamped before the accept (vendor clock skew) records a zero preview duration',
    before: before({ state: 'previewing', agentId: 'agent-ada', acceptedAt: '2026-03-10T14:20:05Z' }),
    event: event('interaction.dialing', { attempt: 1, phoneNumber: '+14155552671', agentId: 'agent-ada', trigger: 'agent' }),
    after: {
      ...BEFORE,
      state: 'dialing',
      agentId: 'agent-ada',
      acceptedAt: '2026-03-10T14:20:05Z',
      attempts: [{ attempt: 1, phoneNumber: '+14155552671', startedAt: AT }],
      firstDialedAt: AT,
      previewDurationMs: 0,
      card: { ...CARD, attempt: 1 },
      seq: 2,
    },
  },
  {
    name: 'interaction.customer-answered agent-first: connected, the attempt answered, the customer on the line',
    before: before({ state: 'dialing', agentId: 'agent-ada', attempts: [ATTEMPT_1] }),
    event: event('interaction.customer-answered'),
    after: { ...BEFORE, state: 'connected', agentId: 'agent-ada', attempts: [{ ...ATTEMPT_1, outcome: 'answered' }], customerOnLine: true, connectedAt: AT, seq: 2 },
  },
  {
    name: 'interaction.customer-answered customer-first: queued for the reserved agent, not yet connected',
    before: before({ mode: 'customer-first', state: 'dialing', agentId: 'agent-ada', attempts: [ATTEMPT_1] }),
    event: event('interaction.customer-answered'),
    after: { ...BEFORE, mode: 'customer-first', state: 'queued', agentId: 'agent-ada', attempts: [{ ...ATTEMPT_1, outcome: 'answered' }], customerOnLine: true, seq: 2 },
  },
  {
    name: 'interaction.customer-answered with no attempt on record (restored view) leaves the attempts empty',
    before: before({ state: 'dialing', agentId: 'agent-ada', attempts: [] }),
    event: event('interaction.customer-answered'),
    after: { ...BEFORE, state: 'connected', agentId: 'agent-ada', attempts: [], customerOnLine: true, connectedAt: AT, seq: 2 },
  },
  {
    name: 'interaction.dial-failed agent-first: the agent keeps the callback to retry or close',
    before: before({ state: 'dialing', agentId: 'agent-ada', attempts: [{ ...ATTEMPT_1, attempt: 2 }] }),
    event: event('interaction.dial-failed', { failure: 'busy' }),
    after: { ...BEFORE, state: 'no-answer', agentId: 'agent-ada', attempts: [{ ...ATTEMPT_1, attempt: 2, outcome: 'busy', endedAt: AT }], seq: 2 },
  },
  {
    name: 'interaction.dial-failed customer-first: the reserved agent is released',
    before: before({ mode: 'customer-first', state: 'dialing', agentId: 'agent-ada', attempts: [ATTEMPT_1] }),
    event: event('interaction.dial-failed', { failure: 'voicemail' }),
    after: { ...BEFORE, mode: 'customer-first', state: 'no-answer', attempts: [{ ...ATTEMPT_1, outcome: 'voicemail', endedAt: AT }], seq: 2 },
  },
  {
    name: 'interaction.retry-scheduled: the next retry time',
    before: before({ mode: 'customer-first', state: 'no-answer' }),
    event: event('interaction.retry-scheduled', { nextRetryAt: '2026-03-10T14:30:00Z' }),
    after: { ...BEFORE, mode: 'customer-first', state: 'retry-wait', nextRetryAt: '2026-03-10T14:30:00Z', seq: 2 },
  },
  {
    name: 'interaction.held: on hold, nothing else changes',
    before: before({ state: 'connected', agentId: 'agent-ada', customerOnLine: true }),
    event: event('interaction.held'),
    after: { ...BEFORE, state: 'on-hold', agentId: 'agent-ada', customerOnLine: true, seq: 2 },
  },
  {
    name: 'interaction.resumed: connected again',
    before: before({ state: 'on-hold', agentId: 'agent-ada', customerOnLine: true }),
    event: event('interaction.resumed'),
    after: { ...BEFORE, state: 'connected', agentId: 'agent-ada', customerOnLine: true, seq: 2 },
  },
  {
    name: 'interaction.muted: the mute flag',
    before: before({ state: 'connected', call: { muted: true, recording: true, escalated: false, conference: false } }),
    event: event('interaction.muted', { muted: false }),
    after: { ...BEFORE, state: 'connected', call: { muted: false, recording: true, escalated: false, conference: false }, seq: 2 },
  },
  {
    name: 'interaction.recording: the recording flag',
    before: before({ state: 'on-hold' }),
    event: event('interaction.recording', { recording: true }),
    after: { ...BEFORE, state: 'on-hold', call: { muted: false, recording: true, escalated: false, conference: false }, seq: 2 },
  },
  {
    name: 'interaction.escalated: the escalation flag',
    before: before({ state: 'connected' }),
    event: event('interaction.escalated', { escalated: true }),
    after: { ...BEFORE, state: 'connected', call: { muted: false, recording: false, escalated: true, conference: false }, seq: 2 },
  },
  {
    name: 'interaction.dtmf-sent: recorded, the view only moves its seq',
    before: before({ state: 'connected' }),
    event: event('interaction.dtmf-sent', { digits: '42#' }),
    after: { ...BEFORE, state: 'connected', seq: 2 },
  },
  {
    name: 'interaction.consult-started: the consulted agent, and a new consult is not yet a conference',
    before: before({ state: 'connected', call: { muted: false, recording: false, escalated: false, conference: true, consultAgentId: 'agent-bob' } }),
    event: event('interaction.consult-started', { agentId: 'agent-grace' }),
    after: { ...BEFORE, state: 'connected', call: { muted: false, recording: false, escalated: false, conference: false, consultAgentId: 'agent-grace' }, seq: 2 },
  },
  {
    name: 'interaction.consult-ended merged: a conference with the consulted agent',
    before: before({ state: 'connected', call: { muted: false, recording: false, escalated: false, conference: false, consultAgentId: 'agent-grace' } }),
    event: event('interaction.consult-ended', { result: 'merged' }),
    after: { ...BEFORE, state: 'connected', call: { muted: false, recording: false, escalated: false, conference: true, consultAgentId: 'agent-grace' }, seq: 2 },
  },
  {
    name: 'interaction.consult-ended cancelled: the consulted agent is gone',
    before: before({ state: 'on-hold', call: { muted: false, recording: false, escalated: false, conference: false, consultAgentId: 'agent-grace' } }),
    event: event('interaction.consult-ended', { result: 'cancelled' }),
    after: { ...BEFORE, state: 'on-hold', seq: 2 },
  },
  {
    name: 'interaction.call-transferred: the call belongs to the receiving agent, consult and conference end',
    before: before({
      state: 'connected',
      agentId: 'agent-ada',
      call: { muted: true, recording: false, escalated: false, conference: true, consultAgentId: 'agent-grace' },
    }),
    event: event('interaction.call-transferred', { fromAgentId: 'agent-ada', toAgentId: 'agent-grace', method: 'consult' }),
    after: { ...BEFORE, state: 'connected', agentId: 'agent-grace', call: { muted: true, recording: false, escalated: false, conference: false }, seq: 2 },
  },
  {
    name: 'interaction.call-requeued: customer-first in the target queue under its version and reasons, nobody on it, the sender declined, mute and conference off',
    before: before({
      state: 'connected',
      agentId: 'agent-ada',
      customerOnLine: true,
      queueConfigVersion: 2,
      closingReasons: ['Resolved'],
      call: { muted: true, recording: true, escalated: false, conference: true, consultAgentId: 'agent-grace' },
    }),
    event: event('interaction.call-requeued', { fromAgentId: 'agent-ada', queueId: 'q-sales', queueName: 'Sales', queueConfigVersion: 4, closingReasons: ['Sold'] }),
    after: {
      ...BEFORE,
      state: 'queued',
      mode: 'customer-first',
      queueId: 'q-sales',
      queueConfigVersion: 4,
      closingReasons: ['Sold'],
      customerOnLine: true,
      declinedBy: ['agent-ada'],
      call: { muted: false, recording: true, escalated: false, conference: false },
      card: { ...CARD, queueId: 'q-sales', queueName: 'Sales' },
      seq: 2,
    },
  },
  {
    name: 'interaction.call-requeued to a queue without version or reasons drops the old ones; the queue id names it when no name is given',
    before: before({ state: 'on-hold', agentId: 'agent-ada', customerOnLine: true, queueConfigVersion: 2, closingReasons: ['Resolved'] }),
    event: event('interaction.call-requeued', { fromAgentId: 'agent-ada', queueId: 'q-sales', queueName: undefined, queueConfigVersion: undefined, closingReasons: undefined }),
    after: {
      ...BEFORE,
      state: 'queued',
      mode: 'customer-first',
      queueId: 'q-sales',
      customerOnLine: true,
      declinedBy: ['agent-ada'],
      card: { ...CARD, queueId: 'q-sales', queueName: 'q-sales' },
      seq: 2,
    },
  },
  {
    name: 'interaction.call-transferred-externally: wrap-up with the number, the customer gone, the attempt ended, the auto-close time',
    before: before({ state: 'connected', agentId: 'agent-ada', customerOnLine: true, attempts: [{ ...ATTEMPT_1, outcome: 'answered' }] }),
    event: event('interaction.call-transferred-externally', { fromAgentId: 'agent-ada', phoneNumber: '+442079460000', autoCloseAt: '2026-03-10T14:25:00Z' }),
    after: {
      ...BEFORE,
      state: 'wrap-up',
      agentId: 'agent-ada',
      transferredToNumber: '+442079460000',
      attempts: [{ ...ATTEMPT_1, outcome: 'answered', endedAt: AT }],
      endedAt: AT,
      autoCloseAt: '2026-03-10T14:25:00Z',
      seq: 2,
    },
  },
  {
    name: 'interaction.call-transferred-externally without auto-close (manual wrap-up)',
    before: before({ state: 'on-hold', agentId: 'agent-ada', customerOnLine: true, attempts: [{ ...ATTEMPT_1, outcome: 'answered' }] }),
    event: event('interaction.call-transferred-externally', { fromAgentId: 'agent-ada', phoneNumber: '+442079460000', autoCloseAt: undefined }),
    after: {
      ...BEFORE,
      state: 'wrap-up',
      agentId: 'agent-ada',
      transferredToNumber: '+442079460000',
      attempts: [{ ...ATTEMPT_1, outcome: 'answered', endedAt: AT }],
      endedAt: AT,
      seq: 2,
    },
  },
  {
    name: 'interaction.call-ended: wrap-up, the customer gone, the answered attempt ended, the auto-close time',
    before: before({ state: 'connected', agentId: 'agent-ada', customerOnLine: true, attempts: [{ ...ATTEMPT_1, outcome: 'answered' }] }),
    event: event('interaction.call-ended', { by: 'customer', autoCloseAt: '2026-03-10T14:25:00Z' }),
    after: {
      ...BEFORE,
      state: 'wrap-up',
      agentId: 'agent-ada',
      attempts: [{ ...ATTEMPT_1, outcome: 'answered', endedAt: AT }],
      endedAt: AT,
      autoCloseAt: '2026-03-10T14:25:00Z',
      seq: 2,
    },
  },
  {
    name: 'interaction.call-ended without auto-close (manual wrap-up) keeps an attempt end already recorded',
    before: before({ state: 'on-hold', agentId: 'agent-ada', customerOnLine: true, attempts: [{ ...ATTEMPT_1, outcome: 'answered', endedAt: '2026-03-10T14:19:00Z' }] }),
    event: event('interaction.call-ended', { by: 'agent', autoCloseAt: undefined }),
    after: {
      ...BEFORE,
      state: 'wrap-up',
      agentId: 'agent-ada',
      attempts: [{ ...ATTEMPT_1, outcome: 'answered', endedAt: '2026-03-10T14:19:00Z' }],
      endedAt: AT,
      seq: 2,
    },
  },
  {
    name: 'interaction.wrap-up-extended: the later auto-close time, nothing else',
    before: before({ state: 'wrap-up', agentId: 'agent-ada', endedAt: '2026-03-10T14:18:00Z', autoCloseAt: '2026-03-10T14:21:00Z' }),
    event: event('interaction.wrap-up-extended', { agentId: 'agent-ada', autoCloseAt: '2026-03-10T14:23:00Z', extendedBySeconds: 120 }),
    after: { ...BEFORE, state: 'wrap-up', agentId: 'agent-ada', endedAt: '2026-03-10T14:18:00Z', autoCloseAt: '2026-03-10T14:23:00Z', seq: 2 },
  },
  {
    name: 'interaction.closed from wrap-up: outcome, close time, wrap-up, every countdown cleared',
    before: before({
      state: 'wrap-up',
      agentId: 'agent-ada',
      offerExpiresAt: '2026-03-10T14:06:30Z',
      autoDialAt: '2026-03-10T14:10:00Z',
      autoCloseAt: '2026-03-10T14:25:00Z',
      nextRetryAt: '2026-03-10T14:30:00Z',
      customerOnLine: true,
    }),
    event: event('interaction.closed', { outcome: 'completed', by: 'agent', wrapUp: { reason: 'resolved', notes: 'Fixed' } }),
    after: { ...BEFORE, state: 'closed', agentId: 'agent-ada', outcome: 'completed', closedAt: AT, wrapUp: { reason: 'resolved', notes: 'Fixed' }, seq: 2 },
  },
  {
    name: 'interaction.closed by cancel while queued: no wrap-up',
    before: before({}),
    event: event('interaction.closed', { outcome: 'cancelled', by: 'api', wrapUp: undefined }),
    after: { ...BEFORE, state: 'closed', outcome: 'cancelled', closedAt: AT, seq: 2 },
  },
];

describe('reduceInteraction: hand-written expected views', () => {
  it('has a case for every event type but interaction.created (which has its own above)', () => {
    const covered = new Set(CASES.map((testCase) => testCase.event.type));
    expect([...covered].sort()).toEqual(EXAMPLE_INTERACTION_EVENT_TYPES.filter((type) => type !== 'interaction.created').sort());
  });

  it.each(CASES)('$name', ({ before: view, event: next, after }) => {
    expect(reduceInteraction(view, next)).toStrictEqual(after);
  });

  it('refuses an event for an interaction it has no view of, saying so', () => {
    expect(() => reduceInteraction(undefined, event('interaction.offered'))).toThrow(
      expect.objectContaining({ code: 'invalid_transition', message: '"interaction.offered" is not allowed while the interaction is absent (unknown)' }),
    );
  });

  it('keeps the view seq when the event is not stored yet (no seq)', () => {
    const { seq: _unstored, ...unstored } = event('interaction.offered', { agentId: 'agent-ada', expiresAt: '2026-03-10T14:20:30Z' });
    expect(reduceInteraction(before({ seq: 4 }), unstored).seq).toBe(4);
  });
});
