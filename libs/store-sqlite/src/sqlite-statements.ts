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

/** Every statement of the hot paths, prepared once per connection. */
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
    insertEvent: prepare<[number, string, string | null, string | null, string | null, string, string]>(
      'INSERT INTO events (seq, type, interaction_id, callback_id, agent_id, at, body) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    readAfter: prepare<[number, number], BodyRow>('SELECT body FROM events WHERE seq > ? ORDER BY seq LIMIT ?'),
    readInteraction: prepare<[string], BodyRow>('SELECT body FROM events WHERE interaction_id = ? ORDER BY seq'),

    interactionBody: prepare<[string], BodyRow>('SELECT body FROM interactions WHERE id = ?'),
    upsertInteraction: prepare<[string, string, string | null, string, string, number, number, number | null, string]>(
      `INSERT INTO interactions (id, state, agent_id, queue_id, callback_id, seq, requested_at, scheduled_at, body)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET state = excluded.state, agent_id = excluded.agent_id, queue_id = excluded.queue_id,
         callback_id = excluded.callback_id, seq = excluded.seq, requested_at = excluded.requested_at,
         scheduled_at = excluded.scheduled_at, body = excluded.body`,
    ),
    openInteractions: prepare<[], { id: string; body: string }>(
      "SELECT id, body FROM interactions WHERE state <> 'closed' ORDER BY requested_at, id",
    ),

    callbackBody: prepare<[string], BodyRow>('SELECT body FROM callbacks WHERE id = ?'),
    callbackIdByNumber: prepare<[string], { id: string }>('SELECT id FROM callbacks WHERE number = ?'),
    callbackByIdempotencyKey: prepare<[string], { id: string; request_hash: string | null }>(
      'SELECT id, request_hash FROM callbacks WHERE idempotency_key = ?',
    ),
    upsertCallback: prepare<[string, string, string | null, string | null, string, string, number, string, string]>(
      `INSERT INTO callbacks (id, number, idempotency_key, request_hash, state, queue_id, requested_at, search_text, body)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET number = excluded.number, idempotency_key = excluded.idempotency_key,
         request_hash = COALESCE(callbacks.request_hash, excluded.request_hash), state = excluded.state,
         queue_id = excluded.queue_id, requested_at = excluded.requested_at, search_text = excluded.search_text,
         body = excluded.body`,
    ),

    agentPresence: prepare<[string], AgentPresenceRow>('SELECT presence, available_since, presence_seq, presence_since, chosen_presence FROM agents WHERE id = ?'),
    upsertAgentPresence: prepare<[string, string, string | null, number, string | null, string | null]>(
      `INSERT INTO agents (id, presence, available_since, presence_seq, presence_since, chosen_presence) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET presence = excluded.presence, available_since = excluded.available_since,
         presence_seq = excluded.presence_seq, presence_since = excluded.presence_since, chosen_presence = excluded.chosen_presence`,
    ),
    insertMissedOffer: prepare<[number, string, number, string, string, string, string, string]>(
      `INSERT INTO missed_offers (seq, at, at_ms, agent_id, queue_id, interaction_id, callback_id, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    upsertAgentDefinition: prepare<[string, string]>(
      'INSERT INTO agents (id, definition) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET definition = excluded.definition',
    ),
    agentById: prepare<[string], { definition: string } & AgentPresenceRow>(
      'SELECT definition, presence, available_since, presence_seq, presence_since, chosen_presence FROM agents WHERE id = ? AND definition IS NOT NULL',
    ),
    listAgents: prepare<[], { definition: string } & AgentPresenceRow>(
      'SELECT definition, presence, available_since, presence_seq, presence_since, chosen_presence FROM agents WHERE definition IS NOT NULL ORDER BY id',
    ),

    addQueueTotals: prepare<[string, number, number, number, number, number]>(
      `INSERT INTO queue_totals (queue_id, offered, answered, no_answer, preview_count, preview_ms_sum) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (queue_id) DO UPDATE SET offered = offered + excluded.offered, answered = answered + excluded.answered,
         no_answer = no_answer + excluded.no_answer, preview_count = preview_count + excluded.preview_count,
         preview_ms_sum = preview_ms_sum + excluded.preview_ms_sum`,
    ),

    counterValue: prepare<[string], { value: number }>('SELECT value FROM counters WHERE name = ?'),
    setCounter: prepare<[number, string]>('UPDATE counters SET value = ? WHERE name = ?'),
  };
}
