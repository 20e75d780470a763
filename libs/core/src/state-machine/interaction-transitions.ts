import { INTERACTION_STATE_TRAITS, type InteractionEventType, type InteractionState, type RoutingMode } from '@icc/protocol';

/** `stay` = the event is recorded but the state does not change (call flags, notes). */
export type TransitionTarget = InteractionState | 'stay';
type StateTransitions = Partial<Record<InteractionEventType, TransitionTarget>>;
export type TransitionTable = Record<RoutingMode, Record<InteractionState, StateTransitions>>;

const callFlagEvents: StateTransitions = {
  'interaction.muted': 'stay',
  'interaction.recording': 'stay',
  'interaction.escalated': 'stay',
  'interaction.dtmf-sent': 'stay',
  'interaction.consult-started': 'stay',
  'interaction.consult-ended': 'stay',
  'interaction.call-transferred': 'stay',
  'callback.updated': 'stay',
};

/** The agent's part of a live call ends: hung up, sent back to a queue, or sent out of ICC. */
const callLeavingAgent: StateTransitions = {
  'interaction.call-ended': 'wrap-up',
  'interaction.call-requeued': 'queued',
  'interaction.call-transferred-externally': 'wrap-up',
};

const liveCall: Pick<Record<InteractionState, StateTransitions>, 'connected' | 'on-hold' | 'wrap-up' | 'closed'> = {
  connected: { ...callFlagEvents, ...callLeavingAgent, 'interaction.held': 'on-hold' },
  'on-hold': { ...callFlagEvents, ...callLeavingAgent, 'interaction.resumed': 'connected' },
  'wrap-up': { 'interaction.closed': 'closed', 'callback.updated': 'stay', 'interaction.wrap-up-extended': 'stay' },
  closed: {},
};

const waiting: StateTransitions = {
  'interaction.rescheduled': 'scheduled',
  'interaction.closed': 'closed',
  'callback.updated': 'stay',
};

/**
 * The interaction state machine (docs/architecture.md, "State machine"): one table for both routing modes.
 * Anything not listed is an invalid transition.
 */
export const INTERACTION_TRANSITIONS: TransitionTable = {
  'agent-first': {
    scheduled: { ...waiting, 'interaction.queued': 'queued' },
    queued: { ...waiting, 'interaction.offered': 'offered' },
    offered: {
      'interaction.accepted': 'previewing',
      'interaction.offer-declined': 'queued',
      'interaction.closed': 'closed',
      'callback.updated': 'stay',
    },
    previewing: {
      ...waiting,
      'interaction.dialing': 'dialing',
      'interaction.transfer-requested': 'transferring',
    },
    transferring: {
      'interaction.transfer-cancelled': 'previewing',
      'interaction.closed': 'closed',
      'callback.updated': 'stay',
    },
    dialing: {
      'interaction.customer-answered': 'connected',
      'interaction.dial-failed': 'no-answer',
      'interaction.closed': 'closed',
      'callback.updated': 'stay',
    },
    'no-answer': { ...waiting, 'interaction.dialing': 'dialing' },
    'retry-wait': {},
    ...liveCall,
  },
  'customer-first': {
    scheduled: { ...waiting, 'interaction.queued': 'queued' },
    queued: { ...waiting, 'interaction.dialing': 'dialing', 'interaction.offered': 'offered' },
    dialing: {
      'interaction.customer-answered': 'queued',
      'interaction.dial-failed': 'no-answer',
      'interaction.closed': 'closed',
      'callback.updated': 'stay',
    },
    'no-answer': { ...waiting, 'interaction.retry-scheduled': 'retry-wait' },
    'retry-wait': { ...waiting, 'interaction.queued': 'queued' },
    offered: {
      'interaction.accepted': 'connected',
      'interaction.offer-declined': 'queued',
      'interaction.closed': 'closed',
      'callback.updated': 'stay',
    },
    previewing: {},
    transferring: {},
    ...liveCall,
  },
};

/** The state after `eventType`, or undefined when the table does not allow it. */
export function nextState(
  mode: RoutingMode,
  from: InteractionState,
  eventType: InteractionEventType,
): InteractionState | undefined {
  const target = INTERACTION_TRANSITIONS[mode][from][eventType];
  // Stryker disable next-line ConditionalExpression: without the early return an undefined target still comes out undefined
  if (target === undefined) return undefined;
  return target === 'stay' ? from : target;
}

export function isTerminal(state: InteractionState): boolean {
  return INTERACTION_STATE_TRAITS[state].terminal;
}
