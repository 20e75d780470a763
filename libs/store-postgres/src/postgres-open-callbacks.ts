import type { Pool, PoolClient } from 'pg';
import { comparableNumbers, type OpenCallbackEntry, type ScheduledStart } from '@icc/core';
import type { Callback } from '@icc/protocol';

/**
 * Writes open-callback entries (`ProjectedBatch.openCallbacks`) in the caller's transaction: the
 * changed callbacks out of both tables, then the open ones back in, one statement each.
 */
export async function writeOpenCallbacks(client: PoolClient, changes: ReadonlyMap<string, OpenCallbackEntry | null>): Promise<void> {
  if (changes.size === 0) return;
  const changed = [...changes.keys()];
  await client.query('DELETE FROM open_callback_numbers WHERE callback_id = ANY($1)', [changed]);
  await client.query('DELETE FROM open_callback_starts WHERE callback_id = ANY($1)', [changed]);
  const numbers: { queueIds: string[]; numbers: string[]; callbackIds: string[] } = { queueIds: [], numbers: [], callbackIds: [] };
  const starts: { callbackIds: string[]; queueIds: string[]; startMs: number[] } = { callbackIds: [], queueIds: [], startMs: [] };
  for (const [callbackId, entry] of changes) {
    if (!entry) continue;
    for (const number of entry.numbers) {
      numbers.queueIds.push(entry.queueId);
      numbers.numbers.push(number);
      numbers.callbackIds.push(callbackId);
    }
    if (entry.startMs === undefined) continue;
    starts.callbackIds.push(callbackId);
    starts.queueIds.push(entry.queueId);
    starts.startMs.push(entry.startMs);
  }
  if (numbers.numbers.length > 0) {
    await client.query('INSERT INTO open_callback_numbers (queue_id, number, callback_id) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])', [
      numbers.queueIds,
      numbers.numbers,
      numbers.callbackIds,
    ]);
  }
  if (starts.startMs.length > 0) {
    await client.query('INSERT INTO open_callback_starts (callback_id, queue_id, start_ms) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])', [
      starts.callbackIds,
      starts.queueIds,
      starts.startMs,
    ]);
  }
}

export async function openCallbacksWithNumbers(pool: Pool, queueId: string, phoneNumbers: readonly string[]): Promise<Callback[]> {
  const { rows } = await pool.query<{ body: Callback }>(
    `SELECT body FROM callbacks WHERE id IN (
       SELECT callback_id FROM open_callback_numbers WHERE queue_id = $1 AND number = ANY($2)
     ) ORDER BY requested_at, id`,
    [queueId, comparableNumbers(phoneNumbers)],
  );
  return rows.map((row) => row.body);
}

export async function scheduledStartsOfQueue(pool: Pool, queueId: string): Promise<ScheduledStart[]> {
  const { rows } = await pool.query<ScheduledStart>(
    'SELECT callback_id AS "callbackId", start_ms AS "startMs" FROM open_callback_starts WHERE queue_id = $1 ORDER BY start_ms, callback_id',
    [queueId],
  );
  return rows;
}
