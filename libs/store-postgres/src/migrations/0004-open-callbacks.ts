import { isOpenCallback, openCallbackEntry, type OpenCallbackEntry } from '@icc/core';
import type { Callback, Interaction } from '@icc/protocol';
import { writeOpenCallbacks } from '../postgres-open-callbacks';
import type { PostgresMigration } from './postgres-migration';

/**
 * The open-callback read model (issue 18, store-sqlite's migration 0008): intake's duplicate and
 * slot checks read a queue's open callbacks by number (in E.164) and its scheduled starts. The
 * backfill normalizes the numbers of the callbacks open at migration time (libphonenumber: in the
 * gateway, not in SQL), in the migration's transaction.
 */
export const migration0004OpenCallbacks: PostgresMigration = {
  version: 4,
  name: 'open-callbacks',
  sql: `
    CREATE TABLE open_callback_numbers (
      queue_id text NOT NULL,
      number text NOT NULL,
      callback_id text NOT NULL,
      PRIMARY KEY (queue_id, number, callback_id)
    );
    CREATE INDEX open_callback_numbers_by_callback ON open_callback_numbers (callback_id);

    CREATE TABLE open_callback_starts (
      callback_id text PRIMARY KEY,
      queue_id text NOT NULL,
      start_ms bigint NOT NULL
    );
    CREATE INDEX open_callback_starts_by_queue ON open_callback_starts (queue_id, start_ms, callback_id);
  `,
  async backfill(client) {
    const { rows } = await client.query<{ id: string; callback: Callback; interaction: Interaction }>(
      `SELECT c.id, c.body AS callback, i.body AS interaction FROM callbacks c
         JOIN interactions i ON i.id = c.body->>'interactionId'
        WHERE i.state <> 'closed'`,
    );
    const entries = new Map<string, OpenCallbackEntry>();
    for (const row of rows) if (isOpenCallback(row.callback, row.interaction)) entries.set(row.id, openCallbackEntry(row.callback));
    await writeOpenCallbacks(client, entries);
  },
};
