import { createEventPlanner, planCallFlags, type EventPlanner } from '@icc/adapter-kit';
import { INTERACTION_STATE_TRAITS, type Interaction, type NewInteractionEvent, type WrapUpReason } from '@icc/protocol';
import type { GenesysCallbackProgress, GenesysDialAttempt, GenesysOffer } from './genesys-callback-progress';
import { mapGenesysWrapup } from './genesys-wrapup';

/** How far the offers of a conversation were turned into ICC events: `offered` emitted, outcome emitted. */
export interface OfferCursor {
  offered: number;
  resolved: number;
}

export interface PlanContext {
  now: number;
  /** The ICC agent of a Genesys user; undefined when the user is not in `userMap`. */
  agentOf(userId: string): string | undefined;
  cursor: OfferCursor;
  /** The agent pressed Call number (or Retry call) and that call has not shown up yet. */
  agentDialPending: boolean;
  /** Customer-first: the queue's `retryDelaySeconds` and how many calls Genesys places (`maxRetryCount` + 1). */
  retryDelaySeconds: number;
  maxAttempts: number;
  wrapupCodes: Readonly<Record<WrapUpReason, string>>;
  rescheduledBy?: 'agent' | 'api' | 'customer' | 'system';
}

export interface PlanResult {
  events: NewInteractionEvent[];
  cursor: OfferCursor;
  /** True when a dial the agent asked for was turned into `interaction.dialing`. */
  agentDialSeen: boolean;
  stuck?: string;
}

const iso = (at: number) => new Date(at).toISOString();
const plus = (instant: string, milliseconds: number) => iso(Date.parse(instant) + milliseconds);

/**
 * The ICC events that take an interaction from what ICC knows (`view`) to what Genesys says
 * (`progress`), in an order the state machine allows. Steps already applied produce nothing, so
 * a duplicated or stale snapshot yields no events; one that skipped steps yields all of them.
 */
export function planIccEvents(view: Interaction, progress: GenesysCallbackProgress, context: PlanContext): PlanResult {
  const plan = createEventPlanner(view, iso(context.now));
  const cursor = { ...context.cursor };
  let agentDialSeen = false;
  const result = (): PlanResult => ({ events: plan.events, cursor, agentDialSeen, ...(plan.stuck !== undefined ? { stuck: plan.stuck } : {}) });
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
        if (!plan.emit({ type: 'interaction.offered', agentId, expiresAt: iso(context.now + (offer.alertingTimeoutMs ?? 30_000)) })) return false;
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
  const emitOfferOutcome = (offer: GenesysOffer, agentId: string): boolean => {
    if (offer.outcome === 'accepted') {
      const autoDialAt =
        plan.view.mode === 'agent-first' && offer.timeoutSeconds !== undefined && offer.connectedTime !== undefined
          ? plus(offer.connectedTime, offer.timeoutSeconds * 1000)
          : undefined;
      return plan.emit({ type: 'interaction.accepted', agentId, ...(autoDialAt ? { autoDialAt } : {}) });
    }
    return plan.emit({ type: 'interaction.offer-declined', agentId, cause: offer.outcome === 'timeout' ? 'timeout' : 'rejected' });
  };

  const planAttempts = (): boolean => {
    for (const [index, attempt] of progress.attempts.entries()) {
      if (index >= plan.view.attempts.length && !emitDial(index, attempt)) return false;
      if (plan.view.attempts[index]?.outcome === undefined && attempt.outcome !== 'ringing') {
        const failure = attempt.outcome as Exclude<GenesysDialAttempt['outcome'], 'ringing' | 'answered'>;
        if (!plan.emit(attempt.outcome === 'answered' ? { type: 'interaction.customer-answered' } : { type: 'interaction.dial-failed', failure })) return false;
      }
      if (attempt.outcome === 'ringing') return false;
    }
    return true;
  };
  const emitDial = (index: number, attempt: GenesysDialAttempt): boolean => {
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
    const failedAt = progress.attempts[plan.view.attempts.length - 1]?.disconnectedTime ?? iso(context.now);
    plan.emit({ type: 'interaction.retry-scheduled', nextRetryAt: plus(failedAt, context.retryDelaySeconds * 1000) });
  };

  const done = view.mode === 'agent-first' ? planOffers() && planAttempts() : planAttempts() && planOffers();
  if (!done && plan.view.state !== 'no-answer') return result();

  if (plan.view.mode === 'customer-first' && plan.view.state === 'no-answer') {
    if (progress.callback === 'ended') plan.emit({ type: 'interaction.closed', outcome: 'failed', by: 'system', detail: 'No answer after the last attempt' });
    else if (plan.view.attempts.length < context.maxAttempts) emitRetryScheduled();
    return result();
  }
  planCallFlags(plan, progress.call);
  planEnd(plan, progress, context);
  return result();
}

function planEnd(plan: EventPlanner, progress: GenesysCallbackProgress, context: PlanContext): void {
  const ended = progress.attempts.at(-1)?.endedBy;
  if (ended !== undefined && INTERACTION_STATE_TRAITS[plan.view.state].liveCall) {
    const acw = progress.afterCallWork;
    const autoCloseAt = acw?.timeoutMs !== undefined ? plus(acw.startedAt, acw.timeoutMs) : undefined;
    plan.emit({ type: 'interaction.call-ended', by: ended, ...(autoCloseAt ? { autoCloseAt } : {}) });
  }
  if (progress.wrapup !== undefined && plan.view.state === 'wrap-up') {
    const mapped = mapGenesysWrapup(progress.wrapup, context.wrapupCodes);
    plan.emit({ type: 'interaction.closed', outcome: 'completed', by: mapped.by, ...(mapped.wrapUp ? { wrapUp: mapped.wrapUp } : {}) });
  } else if (progress.callback === 'ended' && progress.wrapup === undefined && plan.view.state !== 'wrap-up') {
    plan.emit({ type: 'interaction.closed', outcome: plan.view.state === 'no-answer' ? 'no-answer' : 'cancelled', by: 'system', detail: 'Genesys ended the callback' });
  }
}
