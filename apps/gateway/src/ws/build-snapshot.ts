import type { SnapshotFrame } from '@icc/protocol';
import type { EventStore } from '@icc/core';
import { interactionFacts } from '../auth/access-control';
import { mayAccess, type AccessPrincipal } from '../auth/access-policy';
import type { InteractionTimeline } from '../events/interaction-timeline';

/** What a fresh connection starts from: current state as of `store.headSeq()`, filtered for the principal. */
export function buildSnapshot(principal: AccessPrincipal, store: EventStore, timeline: InteractionTimeline, now: number): SnapshotFrame {
  const interactions = store.openInteractions().filter((interaction) => {
    if (interaction.agentId === principal.agentId || principal.role === 'supervisor') return true;
    const moment = timeline.current(interaction.id);
    return moment !== undefined && mayAccess(principal, interactionFacts(moment), 'read');
  });
  return {
    type: 'snapshot',
    seq: store.headSeq(),
    interactions,
    queues: store.listQueues(),
    agents: store.listAgents(),
    queueStats: store.queueStats(now),
  };
}
