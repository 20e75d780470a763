import type { AsyncEventStore } from '@icc/core';
import type { QueueStats } from '@icc/protocol';
import type { EventHub } from '../events/event-hub';

/**
 * Queue stats are about every queue and agent (the store's read scans them all), yet each hello's
 * snapshot carries them: the hellos of one moment share one read, so 10,000 agents connecting do
 * not scan 10,000 agents each. A read is reused while nothing was published since, the queues are
 * the same and it is younger than `maxAgeMs` (supervisors' `queue.stats` frames come once a second).
 */
export type SnapshotQueueStats = (now: number, queueIds: readonly string[]) => Promise<QueueStats[]>;

export const SNAPSHOT_QUEUE_STATS_MAX_AGE_MS = 1000;

const byHub = new WeakMap<EventHub, SnapshotQueueStats>();

/** One per gateway (its hub): every session's snapshot asks the same one. */
export function snapshotQueueStatsOf(store: AsyncEventStore, hub: EventHub): SnapshotQueueStats {
  let shared = byHub.get(hub);
  if (!shared) byHub.set(hub, (shared = createSnapshotQueueStats(store, hub, SNAPSHOT_QUEUE_STATS_MAX_AGE_MS)));
  return shared;
}

export function createSnapshotQueueStats(store: AsyncEventStore, hub: Pick<EventHub, 'lastPublishedSeq'>, maxAgeMs: number): SnapshotQueueStats {
  let last: { seq: number; at: number; queues: string; stats: Promise<QueueStats[]> } | undefined;
  return (now, queueIds) => {
    const seq = hub.lastPublishedSeq();
    const queues = queueIds.join('\n');
    if (last && last.seq === seq && last.queues === queues && now >= last.at && now - last.at < maxAgeMs) return last.stats;
    const read = { seq, at: now, queues, stats: store.queueStats(now) };
    last = read;
    // A failed read is not kept: the next hello asks again.
    read.stats.catch(() => {
      if (last === read) last = undefined;
    });
    return read.stats;
  };
}
