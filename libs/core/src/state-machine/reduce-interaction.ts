import type {
  Interaction,
  InteractionEvent,
  IccEventOf,
  NewInteractionEvent,
} from '@icc/protocol';
import { InvalidTransitionError } from '../errors';
import { buildContextCard } from './build-context-card';
import { nextState } from './interaction-transitions';

type AnyInteractionEvent = InteractionEvent | NewInteractionEvent;

/** Interaction view created by `interaction.created`. */
export function createInteraction(event: Omit<IccEventOf<'interaction.created'>, 'seq'> & { seq?: number }): Interaction {
  const { callback } = event;
  const interaction: Interaction = {
    id: event.interactionId,
    callbackId: callback.id,
    vendor: event.vendor,
    queueId: callback.queueId,
    mode: callback.mode,
    state: event.initialState,
    declinedBy: [],
    customerOnLine: false,
    attempts: [],
    maxAttempts: callback.retryPolicy.maxAttempts,
    requestedAt: callback.requestedAt,
    call: { muted: false, recording: false, escalated: false, conference: false },
    card: buildContextCard(callback, event.queueName, 0),
    seq: event.seq ?? 0,
  };
  if (event.vendorRef !== undefined) interaction.vendorRef = event.vendorRef;
  if (event.queueConfigVersion !== undefined) interaction.queueConfigVersion = event.queueConfigVersion;
  if (event.closingReasons !== undefined) interaction.closingReasons = event.closingReasons;
  if (event.scheduledAt !== undefined) interaction.scheduledAt = event.scheduledAt;
  if (callback.schedule.type === 'scheduled' && callback.schedule.windowEnd !== undefined) {
    interaction.windowEnd = callback.schedule.windowEnd;
  }
  if (callback.expireAt !== undefined) interaction.expireAt = callback.expireAt;
  if (callback.waitingSince !== undefined) interaction.waitingSince = callback.waitingSince;
  if (event.transferredFrom !== undefined) interaction.transferredFrom = event.transferredFrom;
  return interaction;
}

/**
 * Folds one event into an interaction view. Throws `InvalidTransitionError` when the state
 * machine does not allow the event in the current state; never mutates its input.
 */
export function reduceInteraction(current: Interaction | undefined, event: AnyInteractionEvent): Interaction {
  if (event.type === 'interaction.created') {
    if (current) throw new InvalidTransitionError(current.state, event.type, current.mode);
    return createInteraction(event);
  }
  if (!current) throw new InvalidTransitionError('absent', event.type, 'unknown');
  const state = nextState(current.mode, current.state, event.type);
  if (state === undefined) throw new InvalidTransitionError(current.state, event.type, current.mode);
  const next: Interaction = { ...current, state, call: { ...current.call }, seq: 'seq' in event ? event.seq : current.seq };
  applyEventFields(next, current, event);
  return next;
}

function applyEventFields(next: Interaction, previous: Interaction, event: AnyInteractionEvent): void {
  switch (event.type) {
    case 'interaction.created':
      return;
    case 'callback.updated': {
      const { attributes, ...text } = event.changes;
      next.card = { ...previous.card, ...text, ...(attributes ? { attributes } : {}) };
      return;
    }
    case 'interaction.queued':
      delete next.agentId;
      delete next.offerExpiresAt;
      delete next.nextRetryAt;
      if (event.waitingSince !== undefined) next.waitingSince = event.waitingSince;
      if (event.cause === 'customer-answered') next.customerOnLine = true;
      return;
    case 'interaction.rescheduled':
      next.scheduledAt = event.scheduledAt;
      if (event.windowEnd === undefined) delete next.windowEnd;
      else next.windowEnd = event.windowEnd;
      clearAssignment(next);
      next.card = { ...previous.card, type: 'scheduled', scheduledAt: event.scheduledAt };
      if (event.queueId !== undefined) {
        next.queueId = event.queueId;
        next.card = { ...next.card, queueId: event.queueId, queueName: event.queueName ?? event.queueId };
      }
      if (event.phoneNumbers !== undefined) next.card = { ...next.card, phoneNumbers: event.phoneNumbers };
      return;
    case 'interaction.offered':
      next.agentId = event.agentId;
      next.offerExpiresAt = event.expiresAt;
      next.offeredAt ??= event.at;
      return;
    case 'interaction.offer-declined':
      next.declinedBy = [...previous.declinedBy, event.agentId];
      delete next.agentId;
      delete next.offerExpiresAt;
      return;
    case 'interaction.accepted':
      next.agentId = event.agentId;
      next.acceptedAt = event.at;
      next.declinedBy = [];
      delete next.offerExpiresAt;
      if (event.autoDialAt !== undefined) next.autoDialAt = event.autoDialAt;
      if (next.state === 'connected') next.connectedAt ??= event.at;
      return;
    case 'interaction.transfer-requested':
      next.transfer = { target: event.target, toInteractionId: event.toInteractionId, requestedAt: event.at };
      delete next.autoDialAt;
      return;
    case 'interaction.transfer-cancelled':
      delete next.transfer;
      return;
    case 'interaction.dialing':
      next.attempts = [
        ...previous.attempts,
        { attempt: event.attempt, phoneNumber: event.phoneNumber, startedAt: event.at },
      ];
      if (event.agentId !== undefined) next.agentId = event.agentId;
      if (next.firstDialedAt === undefined) {
        next.firstDialedAt = event.at;
        if (previous.acceptedAt !== undefined) {
          next.previewDurationMs = Math.max(0, Date.parse(event.at) - Date.parse(previous.acceptedAt));
        }
      }
      delete next.autoDialAt;
      delete next.nextRetryAt;
      next.card = { ...previous.card, attempt: event.attempt };
      return;
    case 'interaction.customer-answered':
      next.attempts = finishLastAttempt(previous, 'answered', undefined);
      next.customerOnLine = true;
      // Customer-first keeps `agentId`: the agent reserved before dialing gets the offer first.
      if (next.state === 'connected') next.connectedAt ??= event.at;
      return;
    case 'interaction.dial-failed':
      next.attempts = finishLastAttempt(previous, event.failure, event.at);
      if (previous.mode === 'customer-first') delete next.agentId;
      return;
    case 'interaction.retry-scheduled':
      next.nextRetryAt = event.nextRetryAt;
      return;
    case 'interaction.held':
    case 'interaction.resumed':
    case 'interaction.dtmf-sent':
      return;
    case 'interaction.muted':
      next.call.muted = event.muted;
      return;
    case 'interaction.recording':
      next.call.recording = event.recording;
      return;
    case 'interaction.escalated':
      next.call.escalated = event.escalated;
      return;
    case 'interaction.consult-started':
      next.call.consultAgentId = event.agentId;
      next.call.conference = false;
      return;
    case 'interaction.consult-ended':
      if (event.result === 'merged') next.call.conference = true;
      else delete next.call.consultAgentId;
      return;
    case 'interaction.call-transferred':
      next.agentId = event.toAgentId;
      delete next.call.consultAgentId;
      next.call.conference = false;
      return;
    case 'interaction.call-requeued':
      // The customer stays on the line waiting for an agent: from here on it is routed like a
      // customer-first callback whose customer answered (offered, then connected on accept).
      delete next.agentId;
      delete next.call.consultAgentId;
      next.call = { ...next.call, muted: false, conference: false };
      next.mode = 'customer-first';
      next.queueId = event.queueId;
      next.card = { ...previous.card, queueId: event.queueId, queueName: event.queueName ?? event.queueId };
      // The agent who sent it away gets it back only when no one else in that queue is free.
      next.declinedBy = [event.fromAgentId];
      if (event.queueConfigVersion !== undefined) next.queueConfigVersion = event.queueConfigVersion;
      else delete next.queueConfigVersion;
      if (event.closingReasons !== undefined) next.closingReasons = event.closingReasons;
      else delete next.closingReasons;
      return;
    case 'interaction.call-transferred-externally':
      next.transferredToNumber = event.phoneNumber;
      next.endedAt = event.at;
      next.customerOnLine = false;
      next.attempts = finishLastAttempt(previous, undefined, event.at);
      if (event.autoCloseAt !== undefined) next.autoCloseAt = event.autoCloseAt;
      return;
    case 'interaction.call-ended':
      next.endedAt = event.at;
      next.customerOnLine = false;
      next.attempts = finishLastAttempt(previous, undefined, event.at);
      if (event.autoCloseAt !== undefined) next.autoCloseAt = event.autoCloseAt;
      return;
    case 'interaction.wrap-up-extended':
      next.autoCloseAt = event.autoCloseAt;
      return;
    case 'interaction.closed':
      next.outcome = event.outcome;
      next.closedAt = event.at;
      next.customerOnLine = false;
      if (event.wrapUp !== undefined) next.wrapUp = event.wrapUp;
      delete next.offerExpiresAt;
      delete next.autoDialAt;
      delete next.autoCloseAt;
      delete next.nextRetryAt;
      return;
  }
}

function clearAssignment(next: Interaction): void {
  delete next.agentId;
  delete next.offerExpiresAt;
  delete next.autoDialAt;
  delete next.nextRetryAt;
  delete next.transfer;
  next.customerOnLine = false;
}

function finishLastAttempt(
  previous: Interaction,
  outcome: Interaction['attempts'][number]['outcome'],
  endedAt: string | undefined,
): Interaction['attempts'] {
  const attempts = [...previous.attempts];
  const last = attempts[attempts.length - 1];
  if (!last) return attempts;
  const finished = { ...last };
  // Stryker disable next-line ConditionalExpression,LogicalOperator: reachable folds never tell these apart: call-ended (no outcome) comes after customer-answered set one, and the events with an outcome follow dialing, whose new attempt has none
  if (outcome !== undefined && finished.outcome === undefined) finished.outcome = outcome;
  if (endedAt !== undefined && finished.endedAt === undefined) finished.endedAt = endedAt;
  attempts[attempts.length - 1] = finished;
  return attempts;
}
