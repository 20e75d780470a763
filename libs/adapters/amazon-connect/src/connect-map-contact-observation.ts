import { autoCloseAfterCall, isoAt, offerExpiresAt, reduceInteraction } from '@icc/core';
import { INTERACTION_STATE_TRAITS, type DialFailure, type Interaction, type NewInteractionEvent, type QueueConfig } from '@icc/protocol';
import type { ContactObservation } from './connect-contact-observation';
import type { ContactProgress } from './connect-contact-progress';

export interface ObservationMapping {
  interaction: Interaction;
  queue: QueueConfig | undefined;
  agentIdOf(userId: string): string | undefined;
}

export interface MappedObservation {
  events: NewInteractionEvent[];
  progress: ContactProgress;
  /** The fact is incomplete (an unanswered dial ended, but not why): read the contact back. */
  needsReadBack: boolean;
}

/**
 * The ICC events one contact fact causes, given what the interaction has gone through. Facts that
 * are already applied (duplicates), older than what was applied (out of order) or illegal in the
 * interaction's state cause nothing; a fact that implies steps never seen (lost events) first
 * emits those steps, so the interaction still passes through every state.
 */
export function mapContactObservation(observation: ContactObservation, progress: ContactProgress, mapping: ObservationMapping): MappedObservation {
  const events: NewInteractionEvent[] = [];
  const next: ContactProgress = { ...progress };
  let interaction = mapping.interaction;
  const ids = { interactionId: interaction.id, callbackId: interaction.callbackId };
  const at = isoAt(observation.at);
  const { queue } = mapping;
  const result = (needsReadBack = false): MappedObservation => ({ events, progress: next, needsReadBack });

  const emit = (event: NewInteractionEvent): boolean => {
    try {
      interaction = reduceInteraction(interaction, event);
    } catch {
      return false;
    }
    events.push(event);
    return true;
  };

  const ensureOffered = (userId: string | undefined): void => {
    const agentId = userId === undefined ? undefined : mapping.agentIdOf(userId);
    if (agentId === undefined) return;
    if (interaction.state === 'offered' && interaction.agentId !== agentId) {
      // The previous agent's MISSED never arrived (or not yet): the offer moved on without them.
      const rejected = next.rejectSentBy !== undefined && next.offer?.userId === next.rejectSentBy;
      emit({ type: 'interaction.offer-declined', ...ids, at, agentId: interaction.agentId as string, cause: rejected ? 'rejected' : 'timeout' });
      if (rejected) delete next.rejectSentBy;
    }
    if (interaction.state === 'queued') {
      emit({ type: 'interaction.offered', ...ids, at, agentId, expiresAt: offerExpiresAt(queue, observation.at) });
    }
  };

  const ensureAccepted = (userId: string | undefined): void => {
    if (next.role !== 'callback' || next.accepted) return;
    ensureOffered(userId);
    if (interaction.state !== 'offered' || interaction.agentId === undefined) return;
    // No autoDialAt: an accepted task waits for the agent to call (capability autoDial is false).
    if (emit({ type: 'interaction.accepted', ...ids, at, agentId: interaction.agentId })) next.accepted = true;
  };

  const ensureDialing = (userId: string | undefined): void => {
    if (next.dialed) return;
    ensureAccepted(userId);
    // The call is always the agent's (Streams `agent.connect`), after accepting the task or a failed call.
    if (next.role !== 'redial' || (interaction.state !== 'no-answer' && interaction.state !== 'previewing')) return;
    const agent = interaction.agentId !== undefined ? { agentId: interaction.agentId } : {};
    const attempt = interaction.attempts.length + 1;
    if (emit({ type: 'interaction.dialing', ...ids, at, attempt, phoneNumber: next.phoneNumber, ...agent, trigger: 'agent' })) next.dialed = true;
  };

  const ensureAnswered = (userId: string | undefined): void => {
    if (next.answered) return;
    ensureDialing(userId);
    if (interaction.state === 'dialing' && next.dialed && emit({ type: 'interaction.customer-answered', ...ids, at })) next.answered = true;
  };

  const catchUpTo = { accepted: ensureAccepted, dialing: ensureDialing, answered: ensureAnswered };
  if (next.superseded || interaction.state === 'closed') return result();

  switch (observation.kind) {
    case 'queued':
      if (next.queued) break;
      next.queued = true;
      if (next.role === 'callback' && interaction.state === 'scheduled') {
        emit({ type: 'interaction.queued', ...ids, at, cause: 'schedule-start', overdue: false });
      }
      break;
    case 'offered': {
      const previous = next.offer;
      const stale = previous !== undefined && (observation.at < previous.at || (observation.at === previous.at && observation.userId === previous.userId));
      if (stale) break;
      ensureOffered(observation.userId);
      next.offer = { userId: observation.userId, at: observation.at };
      break;
    }
    case 'missed': {
      const agentId = mapping.agentIdOf(observation.userId);
      if (next.offer && observation.at < next.offer.at) break;
      if (interaction.state === 'offered' && agentId !== undefined && interaction.agentId === agentId) {
        const cause = next.rejectSentBy === observation.userId ? 'rejected' : 'timeout';
        emit({ type: 'interaction.offer-declined', ...ids, at, agentId, cause });
      }
      if (next.rejectSentBy === observation.userId) delete next.rejectSentBy;
      break;
    }
    case 'accepted':
    case 'dialing':
    case 'answered':
      catchUpTo[observation.kind](observation.userId);
      break;
    case 'held':
      if (observation.at < (next.holdStateAt ?? 0)) break;
      next.holdStateAt = observation.at;
      ensureAnswered(undefined);
      if (observation.held && interaction.state === 'connected') emit({ type: 'interaction.held', ...ids, at });
      if (!observation.held && interaction.state === 'on-hold') emit({ type: 'interaction.resumed', ...ids, at });
      break;
    case 'disconnected': {
      const answered = observation.answered || next.answered === true;
      if (next.disconnected) break;
      // An unanswered end without its reason (agent events) is completed by reading the contact back.
      if (!answered && observation.failure === undefined) return result(true);
      next.disconnected = true;
      if (answered) {
        ensureAnswered(undefined);
        if (INTERACTION_STATE_TRAITS[interaction.state].liveCall) {
          const by = next.endedByAgent ? 'agent' : (observation.by ?? 'customer');
          emit({ type: 'interaction.call-ended', ...ids, at, by, ...autoCloseAfterCall(queue, observation.at) });
        }
      } else if (next.role === 'redial') {
        // Only the agent's call dials: its unanswered end is a failed dial.
        ensureDialing(undefined);
        if (interaction.state === 'dialing') emit({ type: 'interaction.dial-failed', ...ids, at, failure: observation.failure as DialFailure });
      } else if (!INTERACTION_STATE_TRAITS[interaction.state].terminal && interaction.attempts.length === 0) {
        emit({ type: 'interaction.closed', ...ids, at, outcome: 'failed', by: 'system', detail: `Amazon Connect ended task ${next.contactId} before the customer was called` });
      }
      break;
    }
    case 'completed':
      if (next.completed) break;
      next.completed = true;
      if (interaction.state === 'wrap-up' && next.answered) emit({ type: 'interaction.closed', ...ids, at, outcome: 'completed', by: 'system' });
      break;
  }
  return result();
}
