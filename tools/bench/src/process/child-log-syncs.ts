import { summarizeLatencies, type LatencySummary } from '../report/percentile';
import type { LogSyncs } from './child-side';
import type { BenchChild } from './spawn-bench-child';

/**
 * The syncs of a child gateway's log (it must run `answerLogSyncQueries`): `start` opens a window,
 * `read` summarizes the syncs made since, in ms, and gives the log file's size then.
 */
export function logSyncWindow(child: BenchChild) {
  return {
    start: () => child.send({ type: 'log-syncs-start' }),
    async read(): Promise<{ syncs: LatencySummary; logBytes: number }> {
      const answer = child.next<LogSyncs>('log-syncs', 30_000);
      child.send({ type: 'log-syncs' });
      const { durations, logBytes } = await answer;
      return { syncs: summarizeLatencies(durations), logBytes };
    },
  };
}
