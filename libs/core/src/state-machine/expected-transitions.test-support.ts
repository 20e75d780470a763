import type { InteractionEventType, InteractionState, RoutingMode } from '@icc/protocol';

/**
 * The state machine written out by hand, one line per allowed (state, event) pair, so a reader can
 * check each line against the reference product (ServiceNow ICC for callbacks: the Inbox card with
 * Accept / Reject, the callback actions Call number, Retry call, Close callback, Transfer callback and
 * Cancel callback transfer, the live-call controls, the wrap-up modal, and the Omnichannel Callback
 * API's update / cancel of a scheduled callback). It is deliberately NOT derived from
 * INTERACTION_TRANSITIONS: the table under test is checked against this one, entry by entry, and
 * every pair not listed here must be refused. The right-hand column is the resulting state, written
 * out even when it is the same state (a call control or an edit of the callback changes no state).
 */
type Line = readonly [from: InteractionState, event: InteractionEventType, to: InteractionState];

const AGENT_FIRST: readonly Line[] = [
  // Scheduled: waits for its scheduled_start_time; the API may move it (update) or cancel it.
  ['scheduled', 'interaction.queued', 'queued'],
  ['scheduled', 'interaction.rescheduled', 'scheduled'],
  ['scheduled', 'interaction.closed', 'closed'],
  ['scheduled', 'callback.updated', 'scheduled'],
  // Queued: waits for an agent; routing puts the Inbox card in front of one.
  ['queued', 'interaction.offered', 'offered'],
  ['queued', 'interaction.rescheduled', 'scheduled'],
  ['queued', 'interaction.closed', 'closed'],
  ['queued', 'callback.updated', 'queued'],
  // Offered: Accept opens the interaction page (preview); Reject routes it to the next available agent.
  ['offered', 'interaction.accepted', 'previewing'],
  ['offered', 'interaction.offer-declined', 'queued'],
  ['offered', 'interaction.closed', 'closed'],
  ['offered', 'callback.updated', 'offered'],
  // Previewing: Call number, Transfer callback (before the customer is dialed), Close callback
  // (allowed before dialing when the issue is already solved), reschedule.
  ['previewing', 'interaction.dialing', 'dialing'],
  ['previewing', 'interaction.transfer-requested', 'transferring'],
  ['previewing', 'interaction.rescheduled', 'scheduled'],
  ['previewing', 'interaction.closed', 'closed'],
  ['previewing', 'callback.updated', 'previewing'],
  // Transferring: "Transferring callback, please wait..." until the receiver accepts (this side closes
  // as transferred) or the agent presses Cancel callback transfer (back to the preview).
  ['transferring', 'interaction.transfer-cancelled', 'previewing'],
  ['transferring', 'interaction.closed', 'closed'],
  ['transferring', 'callback.updated', 'transferring'],
  // Dialing: the customer answers, or the attempt fails.
  ['dialing', 'interaction.customer-answered', 'connected'],
  ['dialing', 'interaction.dial-failed', 'no-answer'],
  ['dialing', 'interaction.closed', 'closed'],
  ['dialing', 'callback.updated', 'dialing'],
  // No answer: Retry call (how many retries is the agent's call), reschedule, or Close callback.
  ['no-answer', 'interaction.dialing', 'dialing'],
  ['no-answer', 'interaction.rescheduled', 'scheduled'],
  ['no-answer', 'interaction.closed', 'closed'],
  ['no-answer', 'callback.updated', 'no-answer'],
  // Connected: the live call controls keep the call connected; hold moves to on hold; the call ends
  // into wrap-up. A live call cannot be closed or cancelled.
  ['connected', 'interaction.held', 'on-hold'],
  ['connected', 'interaction.call-ended', 'wrap-up'],
  ['connected', 'interaction.call-requeued', 'queued'],
  ['connected', 'interaction.call-transferred-externally', 'wrap-up'],
  ['connected', 'interaction.muted', 'connected'],
  ['connected', 'interaction.recording', 'connected'],
  ['connected', 'interaction.escalated', 'connected'],
  ['connected', 'interaction.dtmf-sent', 'connected'],
  ['connected', 'interaction.consult-started', 'connected'],
  ['connected', 'interaction.consult-ended', 'connected'],
  ['connected', 'interaction.call-transferred', 'connected'],
  ['connected', 'callback.updated', 'connected'],
  // On hold: resume, or the call ends; the same controls stay available while held.
  ['on-hold', 'interaction.resumed', 'connected'],
  ['on-hold', 'interaction.call-ended', 'wrap-up'],
  ['on-hold', 'interaction.call-requeued', 'queued'],
  ['on-hold', 'interaction.call-transferred-externally', 'wrap-up'],
  ['on-hold', 'interaction.muted', 'on-hold'],
  ['on-hold', 'interaction.recording', 'on-hold'],
  ['on-hold', 'interaction.escalated', 'on-hold'],
  ['on-hold', 'interaction.dtmf-sent', 'on-hold'],
  ['on-hold', 'interaction.consult-started', 'on-hold'],
  ['on-hold', 'interaction.consult-ended', 'on-hold'],
  ['on-hold', 'interaction.call-transferred', 'on-hold'],
  ['on-hold', 'callback.updated', 'on-hold'],
  // Wrap-up: Submit & close (or the automatic wrap-up countdown) closes the interaction.
  ['wrap-up', 'interaction.closed', 'closed'],
  ['wrap-up', 'callback.updated', 'wrap-up'],
  // More after-call work: the automatic close moves later, the state stays.
  ['wrap-up', 'interaction.wrap-up-extended', 'wrap-up'],
  // Closed is terminal; retry-wait belongs to customer-first only.
];

const CUSTOMER_FIRST: readonly Line[] = [
  ['scheduled', 'interaction.queued', 'queued'],
  ['scheduled', 'interaction.rescheduled', 'scheduled'],
  ['scheduled', 'interaction.closed', 'closed'],
  ['scheduled', 'callback.updated', 'scheduled'],
  // Queued: the system dials the customer first; an answered customer waiting in queue is offered.
  ['queued', 'interaction.dialing', 'dialing'],
  ['queued', 'interaction.offered', 'offered'],
  ['queued', 'interaction.rescheduled', 'scheduled'],
  ['queued', 'interaction.closed', 'closed'],
  ['queued', 'callback.updated', 'queued'],
  // Dialing: an answered customer waits in the queue for an agent; a failed attempt is no-answer.
  ['dialing', 'interaction.customer-answered', 'queued'],
  ['dialing', 'interaction.dial-failed', 'no-answer'],
  ['dialing', 'interaction.closed', 'closed'],
  ['dialing', 'callback.updated', 'dialing'],
  // No answer: the retry policy (maximum retries, minimum time between attempts) schedules the next try.
  ['no-answer', 'interaction.retry-scheduled', 'retry-wait'],
  ['no-answer', 'interaction.rescheduled', 'scheduled'],
  ['no-answer', 'interaction.closed', 'closed'],
  ['no-answer', 'callback.updated', 'no-answer'],
  // Retry wait (next_retry): queued again when it is due.
  ['retry-wait', 'interaction.queued', 'queued'],
  ['retry-wait', 'interaction.rescheduled', 'scheduled'],
  ['retry-wait', 'interaction.closed', 'closed'],
  ['retry-wait', 'callback.updated', 'retry-wait'],
  // Offered: the customer is already on the line, so Accept bridges the call; Reject re-queues it.
  ['offered', 'interaction.accepted', 'connected'],
  ['offered', 'interaction.offer-declined', 'queued'],
  ['offered', 'interaction.closed', 'closed'],
  ['offered', 'callback.updated', 'offered'],
  // The live call and wrap-up are the same as agent-first; there is no preview and no callback transfer.
  ['connected', 'interaction.held', 'on-hold'],
  ['connected', 'interaction.call-ended', 'wrap-up'],
  ['connected', 'interaction.call-requeued', 'queued'],
  ['connected', 'interaction.call-transferred-externally', 'wrap-up'],
  ['connected', 'interaction.muted', 'connected'],
  ['connected', 'interaction.recording', 'connected'],
  ['connected', 'interaction.escalated', 'connected'],
  ['connected', 'interaction.dtmf-sent', 'connected'],
  ['connected', 'interaction.consult-started', 'connected'],
  ['connected', 'interaction.consult-ended', 'connected'],
  ['connected', 'interaction.call-transferred', 'connected'],
  ['connected', 'callback.updated', 'connected'],
  ['on-hold', 'interaction.resumed', 'connected'],
  ['on-hold', 'interaction.call-ended', 'wrap-up'],
  ['on-hold', 'interaction.call-requeued', 'queued'],
  ['on-hold', 'interaction.call-transferred-externally', 'wrap-up'],
  ['on-hold', 'interaction.muted', 'on-hold'],
  ['on-hold', 'interaction.recording', 'on-hold'],
  ['on-hold', 'interaction.escalated', 'on-hold'],
  ['on-hold', 'interaction.dtmf-sent', 'on-hold'],
  ['on-hold', 'interaction.consult-started', 'on-hold'],
  ['on-hold', 'interaction.consult-ended', 'on-hold'],
  ['on-hold', 'interaction.call-transferred', 'on-hold'],
  ['on-hold', 'callback.updated', 'on-hold'],
  ['wrap-up', 'interaction.closed', 'closed'],
  ['wrap-up', 'callback.updated', 'wrap-up'],
  // More after-call work: the automatic close moves later, the state stays.
  ['wrap-up', 'interaction.wrap-up-extended', 'wrap-up'],
];

export const EXPECTED_TRANSITIONS: Record<RoutingMode, readonly Line[]> = {
  'agent-first': AGENT_FIRST,
  'customer-first': CUSTOMER_FIRST,
};

/** The hand-written answer: the state after `event`, or undefined when ICC refuses it. */
export function expectedNextState(
  mode: RoutingMode,
  from: InteractionState,
  event: InteractionEventType,
): InteractionState | undefined {
  return EXPECTED_TRANSITIONS[mode].find(([state, type]) => state === from && type === event)?.[2];
}
