import type { Database } from 'better-sqlite3';
import { projectEventBatch } from '@icc/core';
import type { IccEvent } from '@icc/protocol';
import type { SqliteProjectionCache } from './sqlite-projection-cache';
import type { SqliteStatements } from './sqlite-statements';
import type { ProjectionRows } from './projection-rows';

const CHUNK = 1000;

/**
 * Recomputes every read model from the log with the same fold as `append`, in one transaction.
 * Configuration (saved queues and agents) and the callback number counter are kept.
 */
export function rebuildProjections(database: Database, statements: SqliteStatements, cache: SqliteProjectionCache, rows: ProjectionRows): void {
  cache.clear();
  try {
    database
      .transaction(() => {
        database.exec(`
          DELETE FROM interactions;
          DELETE FROM callbacks;
          DELETE FROM queue_totals;
          DELETE FROM agents WHERE definition IS NULL;
          DELETE FROM missed_offers;
          DELETE FROM open_callback_numbers;
          DELETE FROM open_callback_starts;
          UPDATE agents SET presence = 'offline', available_since = NULL, presence_seq = NULL, presence_since = NULL, chosen_presence = NULL;
        `);
        let afterSeq = 0;
        for (;;) {
          const events = statements.readAfter.all(afterSeq, CHUNK).map((row) => JSON.parse(row.body) as IccEvent);
          const first = events[0];
          if (!first) break;
          const batch = projectEventBatch(cache, events, first.seq);
          rows.add(batch, (id) => cache.interaction(id), { withEvents: false });
          rows.write();
          cache.stage(batch);
          cache.commitStaged();
          afterSeq = first.seq + events.length - 1;
        }
      })
      .immediate();
  } finally {
    // Whatever happened, the cache may hold values of the rebuild: start cold.
    cache.clear();
  }
}
