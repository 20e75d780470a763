import type { InteractionState } from './interaction-state';

/**
 * The facts ICC's rules ask about an interaction state. One row per state, so adding a state makes
 * the compiler ask for every fact; code asks the table instead of listing states by hand.
 */
export interface InteractionStateTraits {
  /** The interaction occupies the agent in its `agentId`: that agent takes no other offer meanwhile. */
  readonly holdsAgent: boolean;
  /** The agent has taken it (accepted, or bridged to them): it is in their hands, not merely alerting. */
  readonly acceptedByAgent: boolean;
  /**
   * The callback's expire time applies: reaching it in this state closes the callback as `expired`.
   * These are the states in which the callback waits for its next attempt with nobody handling it
   * (or, in `no-answer`, with an agent who would dial again). An offer, a preview or a transfer runs
   * to its own deadline; an offer declined or timed out returns to `queued`, where the expiry applies.
   */
  readonly expirable: boolean;
  /** The callback may be cancelled: nobody is talking to the customer yet. */
  readonly cancellable: boolean;
  /** The customer and an agent are on a call (it may be on hold). */
  readonly liveCall: boolean;
  /**
   * The next step is the vendor's to report soon (a ringing phone, an alerting offer, a pending
   * transfer, a retry the vendor dials): a vendor silent for long here means a missed notification.
   */
  readonly awaitsVendor: boolean;
  /** Nothing happens to the interaction any more. */
  readonly terminal: boolean;
}

const waitingForAttempt: InteractionStateTraits = {
  holdsAgent: false,
  acceptedByAgent: false,
  expirable: true,
  cancellable: true,
  liveCall: false,
  awaitsVendor: false,
  terminal: false,
};

const inAgentsHands: InteractionStateTraits = {
  holdsAgent: true,
  acceptedByAgent: true,
  expirable: false,
  cancellable: true,
  liveCall: false,
  awaitsVendor: false,
  terminal: false,
};

const onCall: InteractionStateTraits = { ...inAgentsHands, cancellable: false, liveCall: true };

export const INTERACTION_STATE_TRAITS: Readonly<Record<InteractionState, InteractionStateTraits>> = {
  scheduled: waitingForAttempt,
  queued: waitingForAttempt,
  offered: { ...inAgentsHands, acceptedByAgent: false, awaitsVendor: true },
  previewing: inAgentsHands,
  transferring: { ...inAgentsHands, awaitsVendor: true },
  dialing: { ...inAgentsHands, awaitsVendor: true },
  connected: onCall,
  'on-hold': onCall,
  'no-answer': { ...inAgentsHands, expirable: true },
  'retry-wait': { ...waitingForAttempt, awaitsVendor: true },
  'wrap-up': { ...inAgentsHands, cancellable: false },
  closed: { ...waitingForAttempt, expirable: false, cancellable: false, terminal: true },
};

/** The states that have `trait`, in the order of `InteractionState`. */
export function statesWhere(trait: keyof InteractionStateTraits): InteractionState[] {
  return (Object.keys(INTERACTION_STATE_TRAITS) as InteractionState[]).filter((state) => INTERACTION_STATE_TRAITS[state][trait]);
}
