import type { Agent } from '@icc/protocol';
import { mayKnowAgent, type AccessPrincipal } from '../auth/access-policy';

/**
 * Every configured agent with its presence, in memory and indexed by queue, so a hello snapshot
 * costs the agents the principal may know (`mayKnowAgent`: their queues' agents), not a read of
 * every agent. Presence comes from the published events (`presenceChanged`); configuration
 * (name, role, queues) from the store, whenever a read of it passes by (`configured`).
 */
export interface AgentDirectory {
  get(agentId: string): Agent | undefined;
  /** The agent as a published presence event left it. */
  presenceChanged(agent: Agent): void;
  /**
   * An agent's configuration as the store has it now. A known agent keeps the presence it has
   * here: events are folded in order, while a store read may have been taken before the last one.
   */
  configured(agent: Agent): void;
  /** The agents `principal` may know, in id order (as the store lists them). */
  knownTo(principal: AccessPrincipal): Agent[];
  size(): number;
}

/** The store's order: by id. */
export const byAgentId = (a: Agent, b: Agent): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function createAgentDirectory(agents: Iterable<Agent> = []): AgentDirectory {
  const entries = new Map<string, Agent>();
  /** Queue id → ids of its agents. */
  const byQueue = new Map<string, Set<string>>();

  const unindex = (agent: Agent) => {
    for (const queueId of agent.queueIds) {
      const ids = byQueue.get(queueId);
      ids?.delete(agent.id);
      if (ids?.size === 0) byQueue.delete(queueId);
    }
  };
  const put = (agent: Agent) => {
    const previous = entries.get(agent.id);
    if (previous) unindex(previous);
    entries.set(agent.id, agent);
    for (const queueId of agent.queueIds) {
      let ids = byQueue.get(queueId);
      if (!ids) byQueue.set(queueId, (ids = new Set()));
      ids.add(agent.id);
    }
  };
  for (const agent of agents) put(agent);

  return {
    get: (agentId) => entries.get(agentId),
    presenceChanged: put,
    configured(agent) {
      const known = entries.get(agent.id);
      if (!known) return put(agent);
      const { presence, availableSince, presenceSince, chosenPresence } = known;
      const merged: Agent = { id: agent.id, displayName: agent.displayName, role: agent.role, queueIds: agent.queueIds, presence };
      if (availableSince !== undefined) merged.availableSince = availableSince;
      if (presenceSince !== undefined) merged.presenceSince = presenceSince;
      if (chosenPresence !== undefined) merged.chosenPresence = chosenPresence;
      put(merged);
    },
    knownTo(principal) {
      if (principal.role === 'supervisor') return [...entries.values()].sort(byAgentId);
      const ids = new Set<string>([principal.agentId]);
      for (const queueId of principal.queueIds) for (const id of byQueue.get(queueId) ?? []) ids.add(id);
      const known: Agent[] = [];
      for (const id of ids) {
        const agent = entries.get(id);
        // The index already says so; the policy stays the one place that decides.
        if (agent && mayKnowAgent(principal, agent)) known.push(agent);
      }
      return known.sort(byAgentId);
    },
    size: () => entries.size,
  };
}
