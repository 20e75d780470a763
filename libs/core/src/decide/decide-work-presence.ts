import { INTERACTION_STATE_TRAITS, isWorkPresence, type InteractionState, type Presence } from '@icc/protocol';

/** What an agent's work asks their presence to be: `busy`, `wrap-up`, or nothing (their choice stands). */
export type AgentWork = 'busy' | 'wrap-up' | undefined;

/** An agent's presence as the system keeps it: the state shown, and the choice it stands in for. */
export interface PresenceNow {
  presence: Presence;
  /** Set while `presence` is a work state: what the agent chose, shown again when the work ends. */
  chosen?: Presence | undefined;
}

/** The presence change to record, as `agent.presence-changed` carries it; `chosen` only on work states. */
export interface PresenceChange {
  presence: Presence;
  previous: Presence;
  chosen?: Presence;
}

/**
 * The work of an agent from the states of the interactions they hold (and whether they are consulted
 * on a live call): any interaction taken and not yet in wrap-up — preview, dialing, a call, a
 * no-answer to decide on — is `busy`, before `wrap-up`. An alerting offer is not work: the agent
 * is still available (so is an agent reserved for a customer-first call until they accept it).
 */
export function agentWorkOf(heldStates: readonly InteractionState[], consulting = false): AgentWork {
  const taken = heldStates.filter((state) => INTERACTION_STATE_TRAITS[state].acceptedByAgent);
  if (consulting || taken.some((state) => state !== 'wrap-up')) return 'busy';
  return taken.length > 0 ? 'wrap-up' : undefined;
}

/**
 * Presence follows the work: entering work records the agent's choice and shows the work state;
 * ending it restores the choice (Available when there was none). Undefined: nothing to record.
 */
export function decideWorkPresence(now: PresenceNow, work: AgentWork): PresenceChange | undefined {
  const chosen = isWorkPresence(now.presence) ? (now.chosen ?? 'available') : now.presence;
  if (work === undefined) {
    return isWorkPresence(now.presence) ? { presence: chosen, previous: now.presence } : undefined;
  }
  if (now.presence === work) return undefined;
  return { presence: work, previous: now.presence, chosen };
}

/**
 * The agent chose `choice`: outside work it applies at once; during work the work state stays and
 * the choice waits for the work to end (Amazon Connect's "next status"). Undefined: nothing changes.
 */
export function decideChosenPresence(now: PresenceNow, choice: Presence): PresenceChange | undefined {
  if (!isWorkPresence(now.presence)) return now.presence === choice ? undefined : { presence: choice, previous: now.presence };
  if ((now.chosen ?? 'available') === choice) return undefined;
  return { presence: now.presence, previous: now.presence, chosen: choice };
}
