import { createIndexedHeap, type IndexedHeap } from '../queue/indexed-heap';

/** An agent ready to take work, and since when (longest idle is offered first). */
export interface AvailableAgent {
  readonly agentId: string;
  readonly queueIds: readonly string[];
  readonly availableSince: number;
}

/** Available agents per queue, longest idle first (by `availableSince`, then agent id). */
export interface AgentPool {
  /** Makes the agent available in `queueIds`; calling again replaces its queues and time. */
  markAvailable(agentId: string, queueIds: readonly string[], since: number): void;
  /** False when the agent was not available. */
  markUnavailable(agentId: string): boolean;
  isAvailable(agentId: string): boolean;
  /**
   * The longest-idle available agent of the queue not in `skip`. When every available agent
   * of the queue is in `skip`, the longest idle of them, so a re-offered item never starves.
   */
  pickAgent(queueId: string, skip?: ReadonlySet<string>): string | undefined;
  availableCount(queueId: string): number;
  /** Available agent ids of the queue, longest idle first. */
  availableAgents(queueId: string): string[];
  get(agentId: string): AvailableAgent | undefined;
}

const longestIdleFirst = (a: AvailableAgent, b: AvailableAgent) =>
  a.availableSince < b.availableSince ||
  (a.availableSince === b.availableSince &&
    // Stryker disable next-line EqualityOperator: a queue's heap is keyed by agent id and never holds an agent twice, so equal ids never meet and <= answers like <
    a.agentId < b.agentId);

export function createAgentPool(): AgentPool {
  const agents = new Map<string, AvailableAgent>();
  const queues = new Map<string, IndexedHeap<AvailableAgent>>();

  const queueHeap = (queueId: string) => {
    let heap = queues.get(queueId);
    if (!heap) {
      heap = createIndexedHeap<AvailableAgent>({ keyOf: (agent) => agent.agentId, precedes: longestIdleFirst });
      queues.set(queueId, heap);
    }
    return heap;
  };

  const markUnavailable = (agentId: string) => {
    const agent = agents.get(agentId);
    if (!agent) return false;
    agents.delete(agentId);
    for (const queueId of agent.queueIds) {
      const heap = queues.get(queueId);
      heap?.remove(agentId);
      // Stryker disable next-line ConditionalExpression: an empty heap answers like a missing one (no pick, count 0, no agents); dropping it only frees memory
      if (heap?.size === 0) queues.delete(queueId);
    }
    return true;
  };

  return {
    markAvailable(agentId, queueIds, since) {
      markUnavailable(agentId);
      const agent: AvailableAgent = { agentId, queueIds: [...new Set(queueIds)], availableSince: since };
      agents.set(agentId, agent);
      for (const queueId of agent.queueIds) queueHeap(queueId).push(agent);
    },
    markUnavailable,
    isAvailable: (agentId) => agents.has(agentId),
    pickAgent(queueId, skip) {
      const heap = queues.get(queueId);
      if (!heap) return undefined;
      // Stryker disable next-line ConditionalExpression: with nothing to skip the walk below stops at its first agent, the same as peek; the shortcut only saves starting it
      if (!skip || skip.size === 0) return heap.peek()?.agentId;
      for (const agent of heap.ordered()) if (!skip.has(agent.agentId)) return agent.agentId;
      return heap.peek()?.agentId;
    },
    availableCount: (queueId) => queues.get(queueId)?.size ?? 0,
    availableAgents: (queueId) => [...(queues.get(queueId)?.ordered() ?? [])].map((agent) => agent.agentId),
    get: (agentId) => agents.get(agentId),
  };
}
