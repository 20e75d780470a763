import type { Database } from 'better-sqlite3';

/** Every read-model row, in a stable order: compare before and after `rebuildProjections()`. */
export function readProjectionTables(database: Database) {
  return {
    interactions: database.prepare('SELECT * FROM interactions ORDER BY id').all(),
    callbacks: database.prepare('SELECT * FROM callbacks ORDER BY id').all(),
    agents: database.prepare('SELECT * FROM agents ORDER BY id').all(),
    queueTotals: database.prepare('SELECT * FROM queue_totals ORDER BY queue_id').all(),
    openCallbackNumbers: database.prepare('SELECT * FROM open_callback_numbers ORDER BY callback_id, number').all(),
    openCallbackStarts: database.prepare('SELECT * FROM open_callback_starts ORDER BY callback_id').all(),
  };
}
