import type { Agent, Presence } from '@icc/protocol';
import type { AgentDefinition } from './event-store';

/** An agent's presence as projected from `agent.presence-changed` events. */
export interface AgentPresence {
  presence: Presence;
  /** When the agent became `available`; absent while not available. */
  availableSince?: string;
  /** When `presence` began (time in state); absent for projections written before it was kept. */
  since?: string;
  /** During work states: the presence the agent chose, restored when the work ends. */
  chosen?: Presence;
}

/** What one `agent.presence-changed` says. */
export interface PresenceChangeFact {
  presence: Presence;
  at: string;
  chosen?: Presence | undefined;
}

/**
 * Folds one presence change; staying available keeps the original `availableSince`, and a change
 * that only records a new choice during work keeps the time in state.
 */
export function nextAgentPresence(previous: AgentPresence | undefined, change: PresenceChangeFact): AgentPresence {
  const { presence, at, chosen } = change;
  const same = previous?.presence === presence;
  const next: AgentPresence = { presence };
  const since = same ? previous.since : at;
  if (since !== undefined) next.since = since;
  if (chosen !== undefined) next.chosen = chosen;
  if (presence === 'available') next.availableSince = same && previous.availableSince !== undefined ? previous.availableSince : at;
  return next;
}

/** A configured agent with its projected presence; never seen in a presence event = offline. */
export function withPresence(agent: AgentDefinition, presence: AgentPresence | undefined): Agent {
  const withState: Agent = { ...agent, presence: presence?.presence ?? 'offline' };
  if (presence?.availableSince !== undefined) withState.availableSince = presence.availableSince;
  if (presence?.since !== undefined) withState.presenceSince = presence.since;
  if (presence?.chosen !== undefined) withState.chosenPresence = presence.chosen;
  return withState;
}
