import type { Database } from 'better-sqlite3';
import { ONE_HOUR_MS, toQueueStats, type QueueBacklog } from '@icc/core';
import type { QueueStats } from '@icc/protocol';
import type { QueueTotalsRow } from './sqlite-statements';

/**
 * Queue stats from indexed columns and the `queue_totals` projection: no interaction bodies are
 * read, so the cost does not grow with history. Same figures as the in-memory reference.
 */
export function createSqliteQueueStats(database: Database) {
  const queueIds = database.prepare<[], { id: string }>('SELECT id FROM queues ORDER BY id');
  const waiting = database.prepare<[], { queue_id: string; depth: number; oldest: number }>(
    "SELECT queue_id, COUNT(*) AS depth, MIN(requested_at) AS oldest FROM interactions WHERE state = 'queued' GROUP BY queue_id",
  );
  const scheduled = database.prepare<[number, number], { queue_id: string; count: number }>(
    "SELECT queue_id, COUNT(*) AS count FROM interactions WHERE state = 'scheduled' AND scheduled_at BETWEEN ? AND ? GROUP BY queue_id",
  );
  const available = database.prepare<[], { queue_id: string; count: number }>(
    `SELECT q.value AS queue_id, COUNT(DISTINCT agents.id) AS count
     FROM agents, json_each(agents.definition, '$.queueIds') AS q
     WHERE agents.presence = 'available' AND agents.definition IS NOT NULL GROUP BY q.value`,
  );
  const totals = database.prepare<[], QueueTotalsRow>('SELECT * FROM queue_totals');

  return (now: number): QueueStats[] => {
    const depth = new Map(waiting.all().map((row) => [row.queue_id, row]));
    const nextHour = new Map(scheduled.all(now, now + ONE_HOUR_MS).map((row) => [row.queue_id, row.count]));
    const agents = new Map(available.all().map((row) => [row.queue_id, row.count]));
    const sums = new Map(totals.all().map((row) => [row.queue_id, row]));
    return queueIds.all().map(({ id }) => {
      const backlog: QueueBacklog = {
        depth: depth.get(id)?.depth ?? 0,
        oldestRequestedAtMs: depth.get(id)?.oldest,
        scheduledNextHour: nextHour.get(id) ?? 0,
        agentsAvailable: agents.get(id) ?? 0,
      };
      const sum = sums.get(id);
      return toQueueStats(
        id,
        backlog,
        {
          offered: sum?.offered ?? 0,
          answered: sum?.answered ?? 0,
          noAnswer: sum?.no_answer ?? 0,
          previewCount: sum?.preview_count ?? 0,
          previewMsSum: sum?.preview_ms_sum ?? 0,
        },
        now,
      );
    });
  };
}
