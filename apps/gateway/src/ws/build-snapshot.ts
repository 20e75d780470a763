import type { SnapshotFrame } from '@icc/protocol';
import type { EventStore } from '@icc/core';
import { maySeeInteraction } from '../auth/interaction-access';
import type { Principal } from '../auth/principal';
import type { InteractionTimeline } from '../events/interaction-timeline';

/** What a fresh connection starts from: current state as of `store.headSeq()`, filtered for the principal. */
export function buildSnapshot(principal: Principal, store: EventStore, timeline: InteractionTimeline, now: number): SnapshotFrame {
  const interactions = store.openInteractions().filter((interaction) => {
    if (interaction.agentId === principal.agentId || principal.role === 'supervisor') return true;
    const moment = timeline.current(interaction.id);
    return moment !== undefined && maySeeInteraction(principal, moment);
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
