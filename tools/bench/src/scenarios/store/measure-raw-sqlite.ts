import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { isInteractionEvent, type NewIccEvent } from '@icc/protocol';
import { appendRounds, callbackAppends, type StoreInput, type StoreMeasurement } from './store-workload';

export interface RawStoreInput extends StoreInput {
  /** `group`: one transaction per round of concurrent appends (what group commit aims for); `append`: one per append. */
  transactionPer: 'group' | 'append';
}

/**
 * Baseline: better-sqlite3 inserting the same event rows into a table shaped like our `events`
 * (same index, WAL, synchronous=FULL), no read models, no savepoints, no caches.
 */
export function measureRawSqlite(input: RawStoreInput): StoreMeasurement {
  mkdirSync(input.dataDir, { recursive: true });
  const database = new BetterSqlite3(join(input.dataDir, 'raw.db'));
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.exec(`
    CREATE TABLE events (seq INTEGER PRIMARY KEY, type TEXT NOT NULL, interaction_id TEXT, callback_id TEXT, agent_id TEXT, at TEXT NOT NULL, body TEXT NOT NULL);
    CREATE INDEX events_by_interaction ON events (interaction_id, seq) WHERE interaction_id IS NOT NULL;
  `);
  const insert = database.prepare('INSERT INTO events (seq, type, interaction_id, callback_id, agent_id, at, body) VALUES (?, ?, ?, ?, ?, ?, ?)');
  let seq = 0;
  const insertBatch = (events: readonly NewIccEvent[]) => {
    for (const event of events) {
      seq += 1;
      const body = JSON.stringify({ ...event, seq });
      if (isInteractionEvent(event)) insert.run(seq, event.type, event.interactionId, event.callbackId, null, event.at, body);
      else insert.run(seq, event.type, null, null, event.agentId, event.at, body);
    }
  };
  const writeGroup = database.transaction((batches: readonly NewIccEvent[][]) => batches.forEach(insertBatch));

  const rounds = appendRounds(callbackAppends(input), input.concurrency);
  const transactions = input.transactionPer === 'group' ? rounds : rounds.flatMap((round) => round.map((batch) => [batch]));
  const started = performance.now();
  for (const group of transactions) writeGroup(group);
  const seconds = (performance.now() - started) / 1000;
  database.close();
  const appends = rounds.reduce((sum, round) => sum + round.length, 0);
  return { events: seq, appends, seconds, eventsPerSecond: seq / seconds, transactions: transactions.length };
}
