import type { QueueHistory, QueueStats } from '@icc/protocol';

/** What the charts draw: one value per bucket end, for one queue or all of them together. */
export interface HistorySeries {
  /** Bucket ends, epoch seconds (uPlot's time unit). */
  times: number[];
  depth: number[];
  oldestWaitMinutes: number[];
  offered: number[];
  accepted: number[];
  missed: number[];
  /** Percent, null where nothing was accepted. */
  serviceLevelPercent: (number | null)[];
}

/**
 * Folds the gateway's per-queue history into one series: depths and counts add up, the oldest wait
 * is the longest, the service level is weighted by the offers accepted. `queueId` undefined: every queue.
 */
export function historySeries(history: QueueHistory, queueId: string | undefined): HistorySeries {
  const queues = history.queues.filter((queue) => queueId === undefined || queue.queueId === queueId);
  const buckets = queues[0]?.points.length ?? 0;
  const series: HistorySeries = { times: [], depth: [], oldestWaitMinutes: [], offered: [], accepted: [], missed: [], serviceLevelPercent: [] };
  for (let bucket = 0; bucket < buckets; bucket++) {
    const points = queues.flatMap((queue) => queue.points[bucket] ?? []);
    const first = points[0];
    if (!first) continue;
    const sum = (pick: (point: (typeof points)[number]) => number) => points.reduce((total, point) => total + pick(point), 0);
    const accepted = sum((point) => point.accepted);
    const inTime = sum((point) => (point.serviceLevel ?? 0) * point.accepted);
    series.times.push(Date.parse(first.at) / 1000);
    series.depth.push(sum((point) => point.depth));
    series.oldestWaitMinutes.push(Math.max(...points.map((point) => point.oldestWaitSeconds)) / 60);
    series.offered.push(sum((point) => point.offered));
    series.accepted.push(accepted);
    series.missed.push(sum((point) => point.missed));
    series.serviceLevelPercent.push(accepted === 0 ? null : Math.round((inTime / accepted) * 1000) / 10);
  }
  return series;
}

/**
 * The stream's latest queue figures as the newest point of the backlog lines, so depth and
 * oldest wait move the moment a `queue.stats` frame arrives (the counts wait for the next fetch).
 */
export function withLiveBacklog(series: HistorySeries, stats: readonly QueueStats[], queueId: string | undefined, nowMs: number): HistorySeries {
  const live = stats.filter((entry) => queueId === undefined || entry.queueId === queueId);
  const last = series.times[series.times.length - 1];
  if (live.length === 0 || last === undefined || nowMs / 1000 <= last) return series;
  const extend = <T>(values: T[], value: T) => [...values, value];
  return {
    times: extend(series.times, nowMs / 1000),
    depth: extend(series.depth, live.reduce((total, entry) => total + entry.depth, 0)),
    oldestWaitMinutes: extend(series.oldestWaitMinutes, Math.max(...live.map((entry) => entry.oldestWaitSeconds)) / 60),
    offered: extend(series.offered, 0),
    accepted: extend(series.accepted, 0),
    missed: extend(series.missed, 0),
    serviceLevelPercent: extend<number | null>(series.serviceLevelPercent, null),
  };
}
