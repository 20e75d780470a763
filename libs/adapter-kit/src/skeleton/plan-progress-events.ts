import { offerTimeoutMs } from '@icc/core';
import { INTERACTION_STATE_TRAITS, type DialFailure, type Interaction, type NewInteractionEvent, type WrapUp } from '@icc/protocol';
import { createEventPlanner, planCallFlags, type EventPlanner } from './event-planner';

/** One time the vendor alerted an agent with the callback, in order. */
export interface ProgressOffer {
  /** The vendor's user (mapped to an ICC agent by `agentOf`). */
  userId: string;
  outcome: 'alerting' | 'accepted' | 'rejected' | 'timeout';
  /** How long the vendor alerts the agent; absent: core's default offer timeout. */
  alertingTimeoutMs?: number;
  acceptedAt?: string;
  /** Agent-first with auto dial: seconds after `acceptedAt` the vendor places the call by itself. */
  autoDialAfterSeconds?: number;
}

/** One call the vendor placed to the customer, in order. */
export interface ProgressAttempt {
  phoneNumber: string;
  outcome: 'ringing' | 'answered' | DialFailure;
  endedAt?: string;
  /** Answered calls that ended: who hung up. */
  endedBy?: 'agent' | 'customer' | 'system';
}

/**
 * Everything a vendor snapshot of one work item (the whole item, finished parts included) says
 * about a callback; `Wrapup` is the vendor's wrap-up, read as ICC's by `wrapUpOf`.
 */
export interface CallbackProgress<Wrapup = unknown> {
  /** The vendor's callback: waiting for its time, live, or over. */
  callback: 'scheduled' | 'live' | 'ended';
  scheduledTime?: string;
  offers: readonly ProgressOffer[];
  attempts: readonly ProgressAttempt[];
  /** The handling agent's call flags, while the call is up. */
  call?: { held: boolean; muted: boolean; recording: boolean };
  /** After-call work of the handling agent. */
  afterCallWork?: { startedAt: string; timeoutMs?: number };
  wrapup?: Wrapup;
}

/** How far the offers of a work item were turned into ICC events: `offered` emitted, outcome emitted. */
export interface OfferCursor {
  offered: number;
  resolved: number;
}

export interface ProgressPlanContext<Wrapup> {
  /** The vendor's name, for the detail of a close the vendor caused. */
  vendor: string;
  now: number;
  /** The ICC agent of a vendor user; undefined when the user is not mapped. */
  agentOf(userId: string): string | undefined;
  cursor: OfferCursor;
  /** The agent pressed Call number (or Retry call) and that call has not shown up yet. */
  agentDialPending: boolean;
  /** Customer-first: the retry policy the vendor applies (its delay, and how many calls it places). */
  retryPolicy: { minIntervalSeconds: number; maxAttempts: number };
  wrapUpOf(wrapup: Wrapup): { by: 'agent' | 'system'; wrapUp?: WrapUp };
  rescheduledBy?: 'agent' | 'api' | 'customer' | 'system' | undefined;
}

export interface ProgressPlan {
  events: NewInteractionEvent[];
  cursor: OfferCursor;
  /** True when a dial the agent asked for was turned into `interaction.dialing`. */
  agentDialSeen: boolean;
  stuck?: string;
}

const iso = (at: number) => new Date(at).toISOString();
const plus = (instant: string, milliseconds: number) => iso(Date.parse(instant) + milliseconds);

/**
 * The ICC events that take an interaction from what ICC knows (`view`) to what the vendor says
 * (`progress`), in an order the state machine allows. Steps already applied produce nothing, so
 * a duplicated or stale snapshot yields no events; one that skipped steps yields all of them.
 */
export function planProgressEvents<Wrapup>(view: Interaction, progress: CallbackProgress<Wrapup>, context: ProgressPlanContext<Wrapup>): ProgressPlan {
  const plan = createEventPlanner(view, iso(context.now));
  const cursor = { ...context.cursor };
  let agentDialSeen = false;
  const result = (): ProgressPlan => ({ events: plan.events, cursor, agentDialSeen, ...(plan.stuck !== undefined ? { stuck: plan.stuck } : {}) });
  if (view.state === 'closed') return result();

  if (progress.callback === 'scheduled' && progress.scheduledTime !== undefined) {
    const scheduledAt = iso(Date.parse(progress.scheduledTime));
    const sameTime = view.scheduledAt !== undefined && Date.parse(view.scheduledAt) === Date.parse(scheduledAt);
    if ((view.state !== 'scheduled' || !sameTime) && plan.can('interaction.rescheduled')) {
      plan.emit({ type: 'interaction.rescheduled', scheduledAt, by: context.rescheduledBy ?? 'system' });
    }
    return result();
  }
  if (view.state === 'scheduled' && progress.callback === 'live') plan.emit({ type: 'interaction.queued', cause: 'schedule-start', overdue: false });

  const planOffers = (): boolean => {
    for (const [index, offer] of progress.offers.entries()) {
      const agentId = context.agentOf(offer.userId);
      if (agentId === undefined) continue;
      if (index >= cursor.offered) {
        if (!plan.can('interaction.offered')) return false;
        if (!plan.emit({ type: 'interaction.offered', agentId, expiresAt: iso(context.now + (offer.alertingTimeoutMs ?? offerTimeoutMs(undefined))) })) return false;
        cursor.offered = index + 1;
      }
      if (index >= cursor.resolved && offer.outcome !== 'alerting') {
        if (!emitOfferOutcome(offer, agentId)) return false;
        cursor.resolved = index + 1;
      }
      if (offer.outcome === 'alerting') return false;
    }
    return true;
  };
  const emitOfferOutcome = (offer: ProgressOffer, agentId: string): boolean => {
    if (offer.outcome === 'accepted') {
      const autoDialAt =
        plan.view.mode === 'agent-first' && offer.autoDialAfterSeconds !== undefined && offer.acceptedAt !== undefined
          ? plus(offer.acceptedAt, offer.autoDialAfterSeconds * 1000)
          : undefined;
      return plan.emit({ type: 'interaction.accepted', agentId, ...(autoDialAt ? { autoDialAt } : {}) });
    }
    return plan.emit({ type: 'interaction.offer-declined', agentId, cause: offer.outcome === 'timeout' ? 'timeout' : 'rejected' });
  };

  const planAttempts = (): boolean => {
    for (const [index, attempt] of progress.attempts.entries()) {
      if (index >= plan.view.attempts.length && !emitDial(index, attempt)) return false;
      if (plan.view.attempts[index]?.outcome === undefined && attempt.outcome !== 'ringing') {
        const failure = attempt.outcome as DialFailure;
        if (!plan.emit(attempt.outcome === 'answered' ? { type: 'interaction.customer-answered' } : { type: 'interaction.dial-failed', failure })) return false;
      }
      if (attempt.outcome === 'ringing') return false;
    }
    return true;
  };
  const emitDial = (index: number, attempt: ProgressAttempt): boolean => {
    if (plan.view.mode === 'customer-first') {
      if (plan.view.state === 'no-answer') emitRetryScheduled();
      if (plan.view.state === 'retry-wait') plan.emit({ type: 'interaction.queued', cause: 'retry', overdue: false });
    }
    if (!plan.can('interaction.dialing')) return false;
    const { mode, agentId } = plan.view;
    const trigger = mode === 'customer-first' ? 'system' : context.agentDialPending ? 'agent' : 'auto-dial';
    const dialed = plan.emit({
      type: 'interaction.dialing',
      attempt: index + 1,
      phoneNumber: attempt.phoneNumber,
      trigger,
      ...(mode === 'agent-first' && agentId !== undefined ? { agentId } : {}),
    });
    if (dialed && trigger === 'agent') agentDialSeen = true;
    return dialed;
  };
  const emitRetryScheduled = () => {
    const failedAt = progress.attempts[plan.view.attempts.length - 1]?.endedAt ?? iso(context.now);
    plan.emit({ type: 'interaction.retry-scheduled', nextRetryAt: plus(failedAt, context.retryPolicy.minIntervalSeconds * 1000) });
  };

  const done = view.mode === 'agent-first' ? planOffers() && planAttempts() : planAttempts() && planOffers();
  if (!done && plan.view.state !== 'no-answer') return result();

  if (plan.view.mode === 'customer-first' && plan.view.state === 'no-answer') {
    if (progress.callback === 'ended') plan.emit({ type: 'interaction.closed', outcome: 'failed', by: 'system', detail: 'No answer after the last attempt' });
    else if (plan.view.attempts.length < context.retryPolicy.maxAttempts) emitRetryScheduled();
    return result();
  }
  planCallFlags(plan, progress.call);
  planEnd(plan, progress, context);
  return result();
}

function planEnd<Wrapup>(plan: EventPlanner, progress: CallbackProgress<Wrapup>, context: ProgressPlanContext<Wrapup>): void {
  const ended = progress.attempts.at(-1)?.endedBy;
  if (ended !== undefined && INTERACTION_STATE_TRAITS[plan.view.state].liveCall) {
    const acw = progress.afterCallWork;
    const autoCloseAt = acw?.timeoutMs !== undefined ? plus(acw.startedAt, acw.timeoutMs) : undefined;
    plan.emit({ type: 'interaction.call-ended', by: ended, ...(autoCloseAt ? { autoCloseAt } : {}) });
  }
  if (progress.wrapup !== undefined && plan.view.state === 'wrap-up') {
    const mapped = context.wrapUpOf(progress.wrapup);
    plan.emit({ type: 'interaction.closed', outcome: 'completed', by: mapped.by, ...(mapped.wrapUp ? { wrapUp: mapped.wrapUp } : {}) });
  } else if (progress.callback === 'ended' && progress.wrapup === undefined && plan.view.state !== 'wrap-up') {
    plan.emit({ type: 'interaction.closed', outcome: plan.view.state === 'no-answer' ? 'no-answer' : 'cancelled', by: 'system', detail: `${context.vendor} ended the callback` });
  }
}
