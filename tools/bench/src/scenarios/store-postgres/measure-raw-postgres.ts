import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { isInteractionEvent, type NewIccEvent } from '@icc/protocol';
import { appendRounds, callbackAppends } from '../store/store-workload';
import { measurePostgresStorage } from './measure-postgres-storage';
import type { PostgresStoreInput, PostgresStoreMeasurement } from './postgres-store-workload';

export interface RawPostgresInput extends PostgresStoreInput {
  /** `group`: one transaction per round of concurrent appends; `append`: one per append. */
  transactionPer: 'group' | 'append';
}

// Every row of a transaction in one INSERT: columns as arrays, expanded by unnest.
const INSERT_ROWS = `INSERT INTO events (seq, type, interaction_id, callback_id, agent_id, at, body)
  SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[])`;

/**
 * Baseline: node-postgres inserting the same event rows, batched, into a table shaped like our
 * `events` (same columns, jsonb body, same index) on the same server: no read models, no lock, no
 * reads before writing. One statement per transaction (a single INSERT commits on its own).
 */
export async function measureRawPostgres(input: RawPostgresInput): Promise<PostgresStoreMeasurement> {
  const client = new pg.Client(input.url);
  await client.connect();
  await client.query(`
    CREATE TABLE events (seq bigint PRIMARY KEY, type text NOT NULL, interaction_id text, callback_id text, agent_id text, at text NOT NULL, body jsonb NOT NULL);
    CREATE INDEX events_by_interaction ON events (interaction_id, seq) WHERE interaction_id IS NOT NULL;
  `);
  let seq = 0;
  const columns = (events: readonly NewIccEvent[]) => {
    const rows: unknown[][] = [[], [], [], [], [], [], []];
    for (const event of events) {
      seq += 1;
      const row = isInteractionEvent(event)
        ? [seq, event.type, event.interactionId, event.callbackId, null, event.at]
        : [seq, event.type, null, null, event.agentId, event.at];
      [...row, JSON.stringify({ ...event, seq })].forEach((value, column) => rows[column]?.push(value));
    }
    return rows;
  };

  const rounds = appendRounds(callbackAppends(input), input.concurrency);
  const transactions = input.transactionPer === 'group' ? rounds : rounds.flatMap((round) => round.map((batch) => [batch]));
  const started = performance.now();
  for (const group of transactions) await client.query(INSERT_ROWS, columns(group.flat()));
  const seconds = (performance.now() - started) / 1000;
  await client.end();
  const appends = rounds.reduce((sum, round) => sum + round.length, 0);
  return { events: seq, appends, seconds, eventsPerSecond: seq / seconds, transactions: transactions.length, storage: await measurePostgresStorage(input.url, ['events']) };
}
