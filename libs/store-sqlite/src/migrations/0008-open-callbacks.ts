import { isOpenCallback, openCallbackEntry } from '@icc/core';
import type { Callback, Interaction } from '@icc/protocol';
import type { SchemaMigration } from './schema-migration';

/**
 * The open-callback read model (issue 18): intake's duplicate and slot checks read the queue's
 * open callbacks by number (stored in E.164, normalized once here and at append) and the queue's
 * scheduled starts, instead of every open callback on each request. Filled here from the
 * callbacks written before it; closed callbacks leave both tables.
 */
export const migration0008OpenCallbacks: SchemaMigration = {
  version: 8,
  name: 'open-callbacks',
  up(database) {
    database.exec(`
      CREATE TABLE open_callback_numbers (
        queue_id TEXT NOT NULL,
        number TEXT NOT NULL,
        callback_id TEXT NOT NULL,
        PRIMARY KEY (queue_id, number, callback_id)
      ) WITHOUT ROWID;
      CREATE INDEX open_callback_numbers_by_callback ON open_callback_numbers (callback_id);

      CREATE TABLE open_callback_starts (
        callback_id TEXT PRIMARY KEY,
        queue_id TEXT NOT NULL,
        start_ms INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX open_callback_starts_by_queue ON open_callback_starts (queue_id, start_ms, callback_id);
    `);
    const rows = database
      .prepare<[], { id: string; callback: string; interaction: string }>(
        `SELECT c.id, c.body AS callback, i.body AS interaction FROM callbacks c
           JOIN interactions i ON i.id = json_extract(c.body, '$.interactionId')
          WHERE i.state <> 'closed'`,
      )
      .all();
    const insertNumber = database.prepare('INSERT OR IGNORE INTO open_callback_numbers (queue_id, number, callback_id) VALUES (?, ?, ?)');
    const insertStart = database.prepare('INSERT INTO open_callback_starts (callback_id, queue_id, start_ms) VALUES (?, ?, ?)');
    for (const row of rows) {
      const callback = JSON.parse(row.callback) as Callback;
      if (!isOpenCallback(callback, JSON.parse(row.interaction) as Interaction)) continue;
      const entry = openCallbackEntry(callback);
      for (const number of entry.numbers) insertNumber.run(entry.queueId, number, row.id);
      if (entry.startMs !== undefined) insertStart.run(row.id, entry.queueId, entry.startMs);
    }
  },
};
