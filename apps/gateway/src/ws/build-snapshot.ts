import type { SnapshotFrame } from '@icc/protocol';
import type { AsyncEventStore } from '@icc/core';
import { interactionFacts } from '../auth/access-control';
import { mayAccess, mayKnowAgent, type AccessPrincipal } from '../auth/access-policy';
import type { EventHub } from '../events/event-hub';

/**
 * What a fresh connection starts from, filtered for the principal, as of the hub's last published
 * seq (later events reach the socket live). Interactions come from the hub's memory: an agent's
 * snapshot costs the interactions they hold or were involved in, not every open one. They and the
 * seq are taken together after the store reads, so the hub cannot publish between the two.
 */
export async function buildSnapshot(principal: AccessPrincipal, store: AsyncEventStore, hub: EventHub, now: number): Promise<SnapshotFrame> {
  const [queues, agents, queueStats] = await Promise.all([store.listQueues(), store.listAgents(), store.queueStats(now)]);
  const supervisor = principal.role === 'supervisor';
  const visible = hub.timeline
    .open(supervisor ? undefined : principal.agentId)
    .filter((moment) => supervisor || mayAccess(principal, interactionFacts(moment), 'read'));
  // Agents named by those interactions keep their names in the workspace even from another queue.
  const named = new Set(visible.flatMap((moment) => [...moment.involvement.keys(), ...(moment.view.agentId === undefined ? [] : [moment.view.agentId])]));
  return {
    type: 'snapshot',
    seq: hub.lastPublishedSeq(),
    interactions: visible.map((moment) => moment.view),
    queues,
    agents: agents.filter((agent) => named.has(agent.id) || mayKnowAgent(principal, agent)),
    queueStats,
  };
}
