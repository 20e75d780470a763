import type { SnapshotFrame } from '@icc/protocol';
import type { AsyncEventStore } from '@icc/core';
import { interactionFacts } from '../auth/access-control';
import { mayAccess, type AccessPrincipal } from '../auth/access-policy';
import { byAgentId } from '../events/agent-directory';
import type { EventHub } from '../events/event-hub';
import { snapshotQueueStatsOf } from './snapshot-queue-stats';

/**
 * What a fresh connection starts from, filtered for the principal, as of the hub's last published
 * seq (later events reach the socket live). Interactions and agents come from the hub's memory: an
 * agent's snapshot costs the interactions they hold or were involved in and the agents of their
 * queues, not every open interaction and every agent. A supervisor may know every agent: their
 * hello reads the agents' configuration from the store (what they see is all of it anyway), which
 * also tells the hub of agents configured since it first read them. The hellos of one moment share
 * one read of the queue stats (`snapshot-queue-stats.ts`). Interactions, agents and the seq are
 * taken together after the store reads, so the hub cannot publish between them.
 */
export async function buildSnapshot(principal: AccessPrincipal, store: AsyncEventStore, hub: EventHub, now: number): Promise<SnapshotFrame> {
  const supervisor = principal.role === 'supervisor';
  const queues = await store.listQueues();
  const [queueStats, directory, configured] = await Promise.all([
    snapshotQueueStatsOf(store, hub)(now, queues.map((queue) => queue.id)),
    hub.agents(),
    supervisor ? store.listAgents() : undefined,
  ]);
  for (const agent of configured ?? []) directory.configured(agent);
  const visible = hub.timeline
    .open(supervisor ? undefined : principal.agentId)
    .filter((moment) => supervisor || mayAccess(principal, interactionFacts(moment), 'read'));
  const agents = directory.knownTo(principal);
  // Agents named by those interactions keep their names in the workspace even from another queue.
  const listed = new Set(agents.map((agent) => agent.id));
  const knownCount = agents.length;
  for (const moment of visible) {
    for (const agentId of [...moment.involvement.keys(), moment.view.agentId]) {
      const named = agentId === undefined || listed.has(agentId) ? undefined : directory.get(agentId);
      if (named) {
        listed.add(named.id);
        agents.push(named);
      }
    }
  }
  if (agents.length > knownCount) agents.sort(byAgentId);
  return {
    type: 'snapshot',
    seq: hub.lastPublishedSeq(),
    interactions: visible.map((moment) => moment.view),
    queues,
    agents,
    queueStats,
  };
}
