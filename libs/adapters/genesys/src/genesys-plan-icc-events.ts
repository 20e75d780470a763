import { nextState, reduceInteraction } from '@icc/core';
import { INTERACTION_STATE_TRAITS, type Interaction, type NewInteractionEvent, type WrapUpReason } from '@icc/protocol';
import type { GenesysCallbackProgress, GenesysDialAttempt, GenesysOffer } from './genesys-callback-progress';
import { mapGenesysWrapup } from './genesys-map-wrapup';

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
  /** Why planning stopped early (a step the ICC state machine does not allow); the rest waits. */
  stuck?: string;
}

type EventBody = NewInteractionEvent extends infer E ? (E extends NewInteractionEvent ? Omit<E, 'interactionId' | 'callbackId' | 'at'> : never) : never;

const iso = (at: number) => new Date(at).toISOString();
const plus = (instant: string, milliseconds: number) => iso(Date.parse(instant) + milliseconds);

/**
 * The ICC events that take an interaction from what ICC knows (`view`) to what Genesys says
 * (`progress`), in an order the state machine allows. Steps already applied produce nothing, so
 * a duplicated notification or a stale one yields no events; a snapshot that skipped steps
 * yields all of them.
 */
export function planIccEvents(view: Interaction, progress: GenesysCallbackProgress, context: PlanContext): PlanResult {
  const result: PlanResult = { events: [], cursor: { ...context.cursor }, agentDialSeen: false };
  let current = view;
  const can = (type: NewInteractionEvent['type']) => nextState(current.mode, current.state, type) !== undefined;
  const emit = (body: EventBody): boolean => {
    const event = { ...body, interactionId: view.id, callbackId: view.callbackId, at: iso(context.now) } as NewInteractionEvent;
    try {
      current = reduceInteraction(current, event);
    } catch (error) {
      result.stuck = error instanceof Error ? error.message : String(error);
      return false;
    }
    result.events.push(event);
    return true;
  };
  if (current.state === 'closed') return result;

  if (progress.callback === 'scheduled' && progress.scheduledTime !== undefined) {
    const scheduledAt = iso(Date.parse(progress.scheduledTime));
    const sameTime = current.scheduledAt !== undefined && Date.parse(current.scheduledAt) === Date.parse(scheduledAt);
    if ((current.state !== 'scheduled' || !sameTime) && can('interaction.rescheduled')) {
      emit({ type: 'interaction.rescheduled', scheduledAt, by: context.rescheduledBy ?? 'system' });
    }
    return result;
  }
  if (current.state === 'scheduled' && progress.callback === 'live') emit({ type: 'interaction.queued', cause: 'schedule-start', overdue: false });

  const planOffers = (): boolean => {
    for (const [index, offer] of progress.offers.entries()) {
      const agentId = context.agentOf(offer.userId);
      if (agentId === undefined) continue;
      if (index >= result.cursor.offered) {
        if (!can('interaction.offered')) return false;
        if (!emit({ type: 'interaction.offered', agentId, expiresAt: iso(context.now + (offer.alertingTimeoutMs ?? 30_000)) })) return false;
        result.cursor.offered = index + 1;
      }
      if (index >= result.cursor.resolved && offer.outcome !== 'alerting') {
        if (!emitOfferOutcome(offer, agentId)) return false;
        result.cursor.resolved = index + 1;
      }
      if (offer.outcome === 'alerting') return false;
    }
    return true;
  };
  const emitOfferOutcome = (offer: GenesysOffer, agentId: string): boolean => {
    if (offer.outcome === 'accepted') {
      const autoDialAt =
        current.mode === 'agent-first' && offer.timeoutSeconds !== undefined && offer.connectedTime !== undefined
          ? plus(offer.connectedTime, offer.timeoutSeconds * 1000)
          : undefined;
      return emit({ type: 'interaction.accepted', agentId, ...(autoDialAt ? { autoDialAt } : {}) });
    }
    return emit({ type: 'interaction.offer-declined', agentId, cause: offer.outcome === 'timeout' ? 'timeout' : 'rejected' });
  };

  const planAttempts = (): boolean => {
    for (const [index, attempt] of progress.attempts.entries()) {
      if (index >= current.attempts.length && !emitDial(index, attempt)) return false;
      if (current.attempts[index]?.outcome === undefined && attempt.outcome !== 'ringing') {
        const answered = attempt.outcome === 'answered';
        if (!emit(answered ? { type: 'interaction.customer-answered' } : { type: 'interaction.dial-failed', failure: attempt.outcome as Exclude<GenesysDialAttempt['outcome'], 'ringing' | 'answered'> })) return false;
      }
      if (attempt.outcome === 'ringing') return false;
    }
    return true;
  };
  const emitDial = (index: number, attempt: GenesysDialAttempt): boolean => {
    if (current.mode === 'customer-first') {
      if (current.state === 'no-answer') emitRetryScheduled();
      if (current.state === 'retry-wait') emit({ type: 'interaction.queued', cause: 'retry', overdue: false });
    }
    if (!can('interaction.dialing')) return false;
    const trigger = current.mode === 'customer-first' ? 'system' : context.agentDialPending ? 'agent' : 'auto-dial';
    const dialed = emit({
      type: 'interaction.dialing',
      attempt: index + 1,
      phoneNumber: attempt.phoneNumber,
      trigger,
      ...(current.mode === 'agent-first' && current.agentId !== undefined ? { agentId: current.agentId } : {}),
    });
    if (dialed && trigger === 'agent') result.agentDialSeen = true;
    return dialed;
  };
  const emitRetryScheduled = () => {
    const failedAt = progress.attempts[current.attempts.length - 1]?.disconnectedTime ?? iso(context.now);
    emit({ type: 'interaction.retry-scheduled', nextRetryAt: plus(failedAt, context.retryDelaySeconds * 1000) });
  };

  const done = current.mode === 'agent-first' ? planOffers() && planAttempts() : planAttempts() && planOffers();
  if (!done && current.state !== 'no-answer') return result;

  if (current.mode === 'customer-first' && current.state === 'no-answer') {
    if (progress.callback === 'ended') emit({ type: 'interaction.closed', outcome: 'failed', by: 'system', detail: 'No answer after the last attempt' });
    else if (current.attempts.length < context.maxAttempts) emitRetryScheduled();
    return result;
  }
  planLiveCall(progress, current, emit);
  return planEnd(progress, () => current, emit, context, result);
}

function planLiveCall(progress: GenesysCallbackProgress, current: Interaction, emit: (body: EventBody) => boolean): void {
  const flags = progress.call;
  if (!flags || !INTERACTION_STATE_TRAITS[current.state].liveCall) return;
  if (flags.held && current.state === 'connected') emit({ type: 'interaction.held' });
  if (!flags.held && current.state === 'on-hold') emit({ type: 'interaction.resumed' });
  if (flags.muted !== current.call.muted) emit({ type: 'interaction.muted', muted: flags.muted });
  if (flags.recording !== current.call.recording) emit({ type: 'interaction.recording', recording: flags.recording });
}

function planEnd(
  progress: GenesysCallbackProgress,
  current: () => Interaction,
  emit: (body: EventBody) => boolean,
  context: PlanContext,
  result: PlanResult,
): PlanResult {
  const ended = progress.attempts.at(-1)?.endedBy;
  const state = current().state;
  if (ended !== undefined && INTERACTION_STATE_TRAITS[state].liveCall) {
    const acw = progress.afterCallWork;
    const autoCloseAt = acw?.timeoutMs !== undefined ? plus(acw.startedAt, acw.timeoutMs) : undefined;
    emit({ type: 'interaction.call-ended', by: ended, ...(autoCloseAt ? { autoCloseAt } : {}) });
  }
  if (progress.wrapup !== undefined && current().state === 'wrap-up') {
    const mapped = mapGenesysWrapup(progress.wrapup, context.wrapupCodes);
    emit({ type: 'interaction.closed', outcome: 'completed', by: mapped.by, ...(mapped.wrapUp ? { wrapUp: mapped.wrapUp } : {}) });
  } else if (progress.callback === 'ended' && progress.wrapup === undefined && current().state !== 'wrap-up') {
    const outcome = current().state === 'no-answer' ? 'no-answer' : 'cancelled';
    emit({ type: 'interaction.closed', outcome, by: 'system', detail: 'Genesys ended the callback' });
  }
  return result;
}
