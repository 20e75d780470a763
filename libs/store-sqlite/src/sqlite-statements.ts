import type { Database, Statement } from 'better-sqlite3';

export interface BodyRow {
  body: string;
}

export interface AgentPresenceRow {
  presence: string;
  available_since: string | null;
  presence_seq: number | null;
  presence_since: string | null;
  chosen_presence: string | null;
}

export interface QueueTotalsRow {
  queue_id: string;
  offered: number;
  answered: number;
  no_answer: number;
  preview_count: number;
  preview_ms_sum: number;
}

export type SqliteStatements = ReturnType<typeof prepareSqliteStatements>;

/** Every statement of the hot paths, prepared once per connection (rows of appends: `createProjectionRows`). */
export function prepareSqliteStatements(database: Database) {
  const prepare = <Params extends unknown[], Row = unknown>(sql: string): Statement<Params, Row> =>
    database.prepare<Params, Row>(sql);
  return {
    begin: prepare<[]>('BEGIN IMMEDIATE'),
    commit: prepare<[]>('COMMIT'),
    rollback: prepare<[]>('ROLLBACK'),
    savepoint: prepare<[]>('SAVEPOINT batch'),
    release: prepare<[]>('RELEASE batch'),
    rollbackToSavepoint: prepare<[]>('ROLLBACK TO batch'),

    headSeq: prepare<[], { head: number | null }>('SELECT MAX(seq) AS head FROM events'),
    readAfter: prepare<[number, number], BodyRow>('SELECT body FROM events WHERE seq > ? ORDER BY seq LIMIT ?'),
    readInteraction: prepare<[string], BodyRow>('SELECT body FROM events WHERE interaction_id = ? ORDER BY seq'),

    interactionBody: prepare<[string], BodyRow>('SELECT body FROM interactions WHERE id = ?'),
    openInteractions: prepare<[], { id: string; body: string }>(
      "SELECT id, body FROM interactions WHERE state <> 'closed' ORDER BY requested_at, id",
    ),

    callbackBody: prepare<[string], BodyRow>('SELECT body FROM callbacks WHERE id = ?'),
    callbackIdByNumber: prepare<[string], { id: string }>('SELECT id FROM callbacks WHERE number = ?'),
    callbackByIdempotencyKey: prepare<[string], { id: string; request_hash: string | null }>(
      'SELECT id, request_hash FROM callbacks WHERE idempotency_key = ?',
    ),

    openCallbacksWithNumbers: prepare<[string, string], { id: string; body: string }>(
      `SELECT id, body FROM callbacks WHERE id IN (
         SELECT callback_id FROM open_callback_numbers WHERE queue_id = ? AND number IN (SELECT value FROM json_each(?))
       ) ORDER BY requested_at, id`,
    ),
    scheduledStartsOfQueue: prepare<[string], { callbackId: string; startMs: number }>(
      'SELECT callback_id AS callbackId, start_ms AS startMs FROM open_callback_starts WHERE queue_id = ? ORDER BY start_ms, callback_id',
    ),

    agentPresence: prepare<[string], AgentPresenceRow>('SELECT presence, available_since, presence_seq, presence_since, chosen_presence FROM agents WHERE id = ?'),
    upsertAgentDefinition: prepare<[string, string]>(
      'INSERT INTO agents (id, definition) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET definition = excluded.definition',
    ),
    agentById: prepare<[string], { definition: string } & AgentPresenceRow>(
      'SELECT definition, presence, available_since, presence_seq, presence_since, chosen_presence FROM agents WHERE id = ? AND definition IS NOT NULL',
    ),
    listAgents: prepare<[], { definition: string } & AgentPresenceRow>(
      'SELECT definition, presence, available_since, presence_seq, presence_since, chosen_presence FROM agents WHERE definition IS NOT NULL ORDER BY id',
    ),

    counterValue: prepare<[string], { value: number }>('SELECT value FROM counters WHERE name = ?'),
    setCounter: prepare<[number, string]>('UPDATE counters SET value = ? WHERE name = ?'),
  };
}
