import type { Agent, Presence } from '@icc/protocol';
import type { AgentDefinition } from './event-store';

/** An agent's presence as projected from `agent.presence-changed` events. */
export interface AgentPresence {
  presence: Presence;
  /** When the agent became `available`; absent while not available. */
  availableSince?: string;
}

/** Folds one presence change; staying available keeps the original `availableSince`. */
export function nextAgentPresence(previous: AgentPresence | undefined, presence: Presence, at: string): AgentPresence {
  if (presence !== 'available') return { presence };
  if (previous?.presence === 'available' && previous.availableSince !== undefined) return previous;
  return { presence, availableSince: at };
}

/** A configured agent with its projected presence; never seen in a presence event = offline. */
export function withPresence(agent: AgentDefinition, presence: AgentPresence | undefined): Agent {
  const withState: Agent = { ...agent, presence: presence?.presence ?? 'offline' };
  if (presence?.availableSince !== undefined) withState.availableSince = presence.availableSince;
  return withState;
}
