import { CALLBACK_REASON_LABELS, type InteractionEvent, type InteractionEventType } from '@icc/protocol';
import { formatDateTime } from '../ui/format-instant';

/** One line of the callback's timeline: who did what. */
export interface TimelineEntry {
  who: string;
  what: string;
}

type Describe<Type extends InteractionEventType> = (event: Extract<InteractionEvent, { type: Type }>, name: (agentId: string) => string) => TimelineEntry;

const ACTOR: Record<string, string> = { agent: 'Agent', api: 'API', customer: 'Customer', system: 'System' };
const DIAL_FAILURE: Record<string, string> = { 'no-answer': 'no answer', busy: 'busy', voicemail: 'voicemail', failed: 'failed' };
const SOURCE: Record<string, string> = { ivr: 'IVR', web: 'Web form', api: 'API', agent: 'Agent' };

/** Every event type has a line: a new type fails to compile here until it is described. */
const DESCRIBE: { [Type in InteractionEventType]: Describe<Type> } = {
  'interaction.created': (event) => ({
    who: event.transferredFrom ? 'System' : SOURCE[event.callback.source] ?? event.callback.source,
    what: event.transferredFrom
      ? `Transferred in to ${event.queueName}`
      : `Requested in ${event.queueName}${event.scheduledAt ? `, scheduled for ${formatDateTime(event.scheduledAt)}` : ''}`,
  }),
  'callback.updated': (event) => ({ who: 'Agent or API', what: `Details changed: ${Object.keys(event.changes).join(', ')}` }),
  'interaction.queued': (event) => ({ who: 'System', what: `Queued (${event.cause.replace(/-/g, ' ')})${event.overdue ? ', overdue' : ''}` }),
  'interaction.rescheduled': (event, name) => ({
    who: ACTOR[event.by] ?? event.by,
    what: `Rescheduled to ${formatDateTime(event.scheduledAt)}${event.assignedAgentId ? `, kept for ${name(event.assignedAgentId)}` : ''}`,
  }),
  'interaction.transfer-requested': (event, name) => ({
    who: 'Agent',
    what: `Transfer to ${event.target.kind === 'agent' ? name(event.target.agentId) : `queue ${event.target.queueId}`} requested`,
  }),
  'interaction.transfer-cancelled': () => ({ who: 'Agent', what: 'Transfer cancelled' }),
  'interaction.closed': (event) => ({
    who: ACTOR[event.by] ?? event.by,
    what: `Closed: ${event.outcome}${event.wrapUp ? ` (${event.wrapUp.reason.replace(/-/g, ' ')})` : ''}${
      event.closeReason ? ` (${event.closeReason.label ?? CALLBACK_REASON_LABELS[event.closeReason.code]})` : ''
    }`,
  }),
  'interaction.offered': (event, name) => ({ who: name(event.agentId), what: 'Offered' }),
  'interaction.offer-declined': (event, name) => ({
    who: name(event.agentId),
    what: event.cause === 'rejected' ? 'Offer rejected' : event.cause === 'timeout' ? 'Offer not answered in time' : 'Offer withdrawn (agent unavailable)',
  }),
  'interaction.accepted': (event, name) => ({ who: name(event.agentId), what: 'Accepted' }),
  'interaction.dialing': (event, name) => ({
    who: event.agentId ? name(event.agentId) : 'System',
    what: `Attempt ${event.attempt}: dialing ${event.phoneNumber}${event.trigger === 'agent' ? '' : ` (${event.trigger.replace('-', ' ')})`}`,
  }),
  'interaction.customer-answered': () => ({ who: 'Customer', what: 'Answered' }),
  'interaction.dial-failed': (event) => ({ who: 'System', what: `Attempt failed: ${DIAL_FAILURE[event.failure] ?? event.failure}` }),
  'interaction.retry-scheduled': (event) => ({ who: 'System', what: `Next automatic retry at ${formatDateTime(event.nextRetryAt)}` }),
  'interaction.held': () => ({ who: 'Agent', what: 'Put on hold' }),
  'interaction.resumed': () => ({ who: 'Agent', what: 'Resumed from hold' }),
  'interaction.muted': (event) => ({ who: 'Agent', what: event.muted ? 'Muted' : 'Unmuted' }),
  'interaction.recording': (event) => ({ who: 'Agent', what: event.recording ? 'Recording started' : 'Recording stopped' }),
  'interaction.dtmf-sent': () => ({ who: 'Agent', what: 'Sent keypad tones' }),
  'interaction.escalated': (event) => ({ who: 'Agent', what: event.escalated ? 'Escalated' : 'Escalation removed' }),
  'interaction.consult-started': (event, name) => ({ who: 'Agent', what: `Consulting ${name(event.agentId)}` }),
  'interaction.consult-ended': (event) => ({ who: 'Agent', what: event.result === 'merged' ? 'Consult merged' : 'Consult ended' }),
  'interaction.call-transferred': (event, name) => ({ who: name(event.fromAgentId), what: `Call transferred to ${name(event.toAgentId)}` }),
  'interaction.call-requeued': (event, name) => ({
    who: name(event.fromAgentId),
    what: `Call transferred to queue ${event.queueName ?? event.queueId}; the customer waits there for the next agent`,
  }),
  'interaction.call-transferred-externally': (event, name) => ({
    who: name(event.fromAgentId),
    what: `Call transferred to outside number ${event.phoneNumber}; it left ICC`,
  }),
  'interaction.call-ended': (event) => ({ who: ACTOR[event.by] ?? event.by, what: 'Call ended' }),
  'interaction.wrap-up-extended': (event, name) => ({
    who: name(event.agentId),
    what: `After-call work extended by ${Math.round(event.extendedBySeconds / 60)} min, closes at ${formatDateTime(event.autoCloseAt)}`,
  }),
};

export function describeTimelineEvent(event: InteractionEvent, name: (agentId: string) => string): TimelineEntry {
  return (DESCRIBE[event.type] as Describe<typeof event.type>)(event as never, name);
}
