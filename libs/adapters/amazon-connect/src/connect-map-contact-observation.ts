import { createEventPlanner, planCallFlags } from '@icc/adapter-kit';
import { autoCloseAfterCall, isoAt, offerExpiresAt } from '@icc/core';
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
  const next: ContactProgress = { ...progress };
  const plan = createEventPlanner(mapping.interaction, isoAt(observation.at));
  const { emit } = plan;
  const { queue } = mapping;
  const result = (needsReadBack = false): MappedObservation => ({ events: plan.events, progress: next, needsReadBack });

  const ensureOffered = (userId: string | undefined): void => {
    const agentId = userId === undefined ? undefined : mapping.agentIdOf(userId);
    if (agentId === undefined) return;
    if (plan.view.state === 'offered' && plan.view.agentId !== agentId) {
      // The previous agent's MISSED never arrived (or not yet): the offer moved on without them.
      const rejected = next.rejectSentBy !== undefined && next.offer?.userId === next.rejectSentBy;
      emit({ type: 'interaction.offer-declined', agentId: plan.view.agentId as string, cause: rejected ? 'rejected' : 'timeout' });
      if (rejected) delete next.rejectSentBy;
    }
    if (plan.view.state === 'queued') {
      emit({ type: 'interaction.offered', agentId, expiresAt: offerExpiresAt(queue, observation.at) });
    }
  };

  const ensureAccepted = (userId: string | undefined): void => {
    if (next.role !== 'callback' || next.accepted) return;
    ensureOffered(userId);
    if (plan.view.state !== 'offered' || plan.view.agentId === undefined) return;
    // No autoDialAt: an accepted task waits for the agent to call (capability autoDial is false).
    if (emit({ type: 'interaction.accepted', agentId: plan.view.agentId })) next.accepted = true;
  };

  const ensureDialing = (userId: string | undefined): void => {
    if (next.dialed) return;
    ensureAccepted(userId);
    // The call is always the agent's (Streams `agent.connect`), after accepting the task or a failed call.
    if (next.role !== 'redial' || (plan.view.state !== 'no-answer' && plan.view.state !== 'previewing')) return;
    const agent = plan.view.agentId !== undefined ? { agentId: plan.view.agentId } : {};
    const attempt = plan.view.attempts.length + 1;
    if (emit({ type: 'interaction.dialing', attempt, phoneNumber: next.phoneNumber, ...agent, trigger: 'agent' })) next.dialed = true;
  };

  const ensureAnswered = (userId: string | undefined): void => {
    if (next.answered) return;
    ensureDialing(userId);
    if (plan.view.state === 'dialing' && next.dialed && emit({ type: 'interaction.customer-answered' })) next.answered = true;
  };

  const catchUpTo = { accepted: ensureAccepted, dialing: ensureDialing, answered: ensureAnswered };
  if (next.superseded || plan.view.state === 'closed') return result();

  switch (observation.kind) {
    case 'queued':
      if (next.queued) break;
      next.queued = true;
      if (next.role === 'callback' && plan.view.state === 'scheduled') {
        emit({ type: 'interaction.queued', cause: 'schedule-start', overdue: false });
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
      if (plan.view.state === 'offered' && agentId !== undefined && plan.view.agentId === agentId) {
        const cause = next.rejectSentBy === observation.userId ? 'rejected' : 'timeout';
        emit({ type: 'interaction.offer-declined', agentId, cause });
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
      planCallFlags(plan, { held: observation.held });
      break;
    case 'disconnected': {
      const answered = observation.answered || next.answered === true;
      if (next.disconnected) break;
      // An unanswered end without its reason (agent events) is completed by reading the contact back.
      if (!answered && observation.failure === undefined) return result(true);
      next.disconnected = true;
      if (answered) {
        ensureAnswered(undefined);
        if (INTERACTION_STATE_TRAITS[plan.view.state].liveCall) {
          const by = next.endedByAgent ? 'agent' : (observation.by ?? 'customer');
          emit({ type: 'interaction.call-ended', by, ...autoCloseAfterCall(queue, observation.at) });
        }
      } else if (next.role === 'redial') {
        // Only the agent's call dials: its unanswered end is a failed dial.
        ensureDialing(undefined);
        if (plan.view.state === 'dialing') emit({ type: 'interaction.dial-failed', failure: observation.failure as DialFailure });
      } else if (!INTERACTION_STATE_TRAITS[plan.view.state].terminal && plan.view.attempts.length === 0) {
        emit({ type: 'interaction.closed', outcome: 'failed', by: 'system', detail: `Amazon Connect ended task ${next.contactId} before the customer was called` });
      }
      break;
    }
    case 'completed':
      if (next.completed) break;
      next.completed = true;
      if (plan.view.state === 'wrap-up' && next.answered) emit({ type: 'interaction.closed', outcome: 'completed', by: 'system' });
      break;
  }
  return result();
}
