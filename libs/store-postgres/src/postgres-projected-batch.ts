import type { PoolClient, QueryResultRow } from 'pg';
import {
  addQueueTotals,
  callbackSearchText,
  EMPTY_QUEUE_TOTALS,
  interactionQueueTotals,
  projectAppendGroup,
  type AgentPresence,
  type IdempotencyRecord,
  type ProjectedBatch,
  type QueueTotals,
} from '@icc/core';
import type { Callback, IccEvent, Interaction, MissedOffer, NewIccEvent, Presence } from '@icc/protocol';
import { writeOpenCallbacks } from './postgres-open-callbacks';

export interface AgentPresenceRow {
  presence: string;
  available_since: string | null;
  presence_seq: number | null;
  presence_since: string | null;
  chosen_presence: string | null;
}

export function toAgentPresence(row: AgentPresenceRow | undefined): AgentPresence | undefined {
  if (!row || row.presence_seq === null) return undefined;
  const presence: AgentPresence = { presence: row.presence as Presence };
  if (row.available_since !== null) presence.availableSince = row.available_since;
  if (row.presence_since !== null) presence.since = row.presence_since;
  if (row.chosen_presence !== null) presence.chosen = row.chosen_presence as Presence;
  return presence;
}

const toMs = (instant: string | undefined) => (instant === undefined ? null : Date.parse(instant));

/**
 * Reads, inside the append transaction, the read-model rows a group of appends can touch (one
 * round of queries for all of them), then folds each with core's `projectAppendGroup` (the fold
 * every store shares), in order, as if appended alone.
 */
export async function projectOnServer(client: PoolClient, appends: readonly (readonly NewIccEvent[])[], firstSeq: number) {
  const interactionIds = new Set<string>();
  const callbackIds = new Set<string>();
  const agentIds = new Set<string>();
  const numbers = new Set<string>();
  const keys = new Set<string>();
  for (const event of appends.flat()) {
    if (event.type === 'agent.presence-changed') {
      agentIds.add(event.agentId);
      continue;
    }
    interactionIds.add(event.interactionId);
    callbackIds.add(event.callbackId);
    if (event.type === 'interaction.created') {
      callbackIds.add(event.callback.id);
      numbers.add(event.callback.number);
      if (event.callback.idempotencyKey !== undefined) keys.add(event.callback.idempotencyKey);
    }
  }
  // A statement (a round trip on the append's connection) only for keys the group has: most
  // deliveries create no callback and change no presence.
  const rowsFor = async <Row extends QueryResultRow>(keys: ReadonlySet<string>, sql: string, params: unknown[]): Promise<Row[]> =>
    keys.size === 0 ? [] : (await client.query<Row>(sql, params)).rows;
  const [interactions, callbacks, byNumber, byKey, presences] = await Promise.all([
    // With the interactions carrying the batch's callbacks: whether a callback is open depends on its carrier (`isOpenCallback`).
    rowsFor<{ id: string; body: Interaction }>(
      new Set([...interactionIds, ...callbackIds]),
      "SELECT id, body FROM interactions WHERE id = ANY($1) OR id IN (SELECT body->>'interactionId' FROM callbacks WHERE id = ANY($2))",
      [[...interactionIds], [...callbackIds]],
    ),
    rowsFor<{ id: string; body: Callback }>(callbackIds, 'SELECT id, body FROM callbacks WHERE id = ANY($1)', [[...callbackIds]]),
    rowsFor<{ id: string; number: string }>(numbers, 'SELECT id, number FROM callbacks WHERE number = ANY($1)', [[...numbers]]),
    rowsFor<{ id: string; idempotency_key: string; request_hash: string | null }>(
      keys,
      'SELECT id, idempotency_key, request_hash FROM callbacks WHERE idempotency_key = ANY($1)',
      [[...keys]],
    ),
    rowsFor<AgentPresenceRow & { id: string }>(
      agentIds,
      'SELECT id, presence, available_since, presence_seq, presence_since, chosen_presence FROM agents WHERE id = ANY($1)',
      [[...agentIds]],
    ),
  ]);
  const interactionById = new Map(interactions.map((row) => [row.id, row.body]));
  const callbackById = new Map(callbacks.map((row) => [row.id, row.body]));
  const idByNumber = new Map(byNumber.map((row) => [row.number, row.id]));
  const recordByKey = new Map<string, IdempotencyRecord>(byKey.map((row) => [row.idempotency_key, { callbackId: row.id, requestHash: row.request_hash ?? '' }]));
  const presenceById = new Map(presences.map((row) => [row.id, toAgentPresence(row)]));
  const { batch, outcomes } = projectAppendGroup(
    {
      interaction: (id) => interactionById.get(id),
      callback: (id) => callbackById.get(id),
      agentPresence: (id) => presenceById.get(id),
      callbackIdByNumber: (number) => idByNumber.get(number),
      idempotencyRecord: (key) => recordByKey.get(key),
    },
    appends,
    firstSeq,
  );
  return { batch, outcomes, previous: (id: string) => interactionById.get(id) };
}

/**
 * Writes the events and every read model the batch changed, in the caller's transaction: one
 * multi-row statement per table (arrays unnested on the server), whatever the batch's size.
 * `notify`: also `pg_notify(channel, payload)` in the events' statement (delivered at COMMIT).
 */
export async function writeProjectedBatch(
  client: PoolClient,
  batch: ProjectedBatch,
  previous: (id: string) => Interaction | undefined,
  notify?: { channel: string; payload: string },
): Promise<void> {
  await insertEvents(client, batch.events, notify);
  await addQueueTotalDeltas(client, batch.interactions, previous);
  await upsertInteractions(client, batch.interactions);
  await upsertCallbacks(client, batch);
  await upsertAgentPresences(client, batch);
  await insertMissedOffers(client, batch.missedOffers);
  await writeOpenCallbacks(client, batch.openCallbacks);
}

/** Columns as parallel arrays, one per `unnest` argument. */
function columnsOf<Row>(rows: Iterable<Row>, width: number, cells: (row: Row) => unknown[]): unknown[][] {
  const columns: unknown[][] = Array.from({ length: width }, () => []);
  for (const row of rows) cells(row).forEach((cell, index) => columns[index]?.push(cell));
  return columns;
}

async function insertEvents(client: PoolClient, events: readonly IccEvent[], notify?: { channel: string; payload: string }): Promise<void> {
  if (events.length === 0) return;
  const insert = `INSERT INTO events (seq, type, interaction_id, callback_id, agent_id, at, body)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[])`;
  const columns = columnsOf(events, 7, (event) => {
    const interactionEvent = event.type !== 'agent.presence-changed';
    return [
      event.seq,
      event.type,
      interactionEvent ? event.interactionId : null,
      interactionEvent ? event.callbackId : null,
      'agentId' in event && typeof event.agentId === 'string' ? event.agentId : null,
      event.at,
      JSON.stringify(event),
    ];
  });
  // A data-modifying WITH runs to completion whatever the outer query reads: one round trip for both.
  if (notify) await client.query(`WITH inserted AS (${insert} RETURNING 1) SELECT pg_notify($8, $9)`, [...columns, notify.channel, notify.payload]);
  else await client.query(insert, columns);
}

/** One row per queue (an upsert may not touch a row twice): the sum of its interactions' deltas. */
async function addQueueTotalDeltas(client: PoolClient, interactions: ReadonlyMap<string, Interaction>, previous: (id: string) => Interaction | undefined): Promise<void> {
  const byQueue = new Map<string, QueueTotals>();
  for (const [id, interaction] of interactions) {
    const before = previous(id);
    const delta = addQueueTotals(interactionQueueTotals(interaction), before ? interactionQueueTotals(before) : EMPTY_QUEUE_TOTALS, -1);
    byQueue.set(interaction.queueId, addQueueTotals(byQueue.get(interaction.queueId) ?? EMPTY_QUEUE_TOTALS, delta, 1));
  }
  const changed = [...byQueue].filter(([, delta]) => Object.values(delta).some((value) => value !== 0));
  if (changed.length === 0) return;
  await client.query(
    `INSERT INTO queue_totals (queue_id, offered, answered, no_answer, preview_count, preview_ms_sum)
     SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[])
     ON CONFLICT (queue_id) DO UPDATE SET offered = queue_totals.offered + excluded.offered, answered = queue_totals.answered + excluded.answered,
       no_answer = queue_totals.no_answer + excluded.no_answer, preview_count = queue_totals.preview_count + excluded.preview_count,
       preview_ms_sum = queue_totals.preview_ms_sum + excluded.preview_ms_sum`,
    columnsOf(changed, 6, ([queueId, delta]) => [queueId, delta.offered, delta.answered, delta.noAnswer, delta.previewCount, delta.previewMsSum]),
  );
}

async function upsertInteractions(client: PoolClient, interactions: ReadonlyMap<string, Interaction>): Promise<void> {
  if (interactions.size === 0) return;
  await client.query(
    `INSERT INTO interactions (id, state, agent_id, queue_id, callback_id, seq, requested_at, scheduled_at, body)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::bigint[], $9::jsonb[])
     ON CONFLICT (id) DO UPDATE SET state = excluded.state, agent_id = excluded.agent_id, queue_id = excluded.queue_id,
       callback_id = excluded.callback_id, seq = excluded.seq, requested_at = excluded.requested_at,
       scheduled_at = excluded.scheduled_at, body = excluded.body`,
    columnsOf(interactions, 9, ([id, interaction]) => [
      id,
      interaction.state,
      interaction.agentId ?? null,
      interaction.queueId,
      interaction.callbackId,
      interaction.seq,
      Date.parse(interaction.requestedAt),
      toMs(interaction.scheduledAt),
      JSON.stringify(interaction),
    ]),
  );
}

async function upsertCallbacks(client: PoolClient, batch: ProjectedBatch): Promise<void> {
  if (batch.callbacks.size === 0) return;
  await client.query(
    `INSERT INTO callbacks (id, number, idempotency_key, request_hash, state, queue_id, requested_at, search_text, body)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::jsonb[])
     ON CONFLICT (id) DO UPDATE SET number = excluded.number, idempotency_key = excluded.idempotency_key,
       request_hash = COALESCE(callbacks.request_hash, excluded.request_hash), state = excluded.state,
       queue_id = excluded.queue_id, requested_at = excluded.requested_at, search_text = excluded.search_text,
       body = excluded.body`,
    columnsOf(batch.callbacks, 9, ([id, callback]) => {
      const record = callback.idempotencyKey === undefined ? undefined : batch.idempotencyRecords.get(callback.idempotencyKey);
      return [
        id,
        callback.number,
        callback.idempotencyKey ?? null,
        record?.callbackId === id ? record.requestHash : null,
        callback.state,
        callback.queueId,
        Date.parse(callback.requestedAt),
        callbackSearchText(callback),
        JSON.stringify(callback),
      ];
    }),
  );
}

async function upsertAgentPresences(client: PoolClient, batch: ProjectedBatch): Promise<void> {
  if (batch.agentPresences.size === 0) return;
  const presenceSeq = new Map<string, number>();
  for (const event of batch.events) if (event.type === 'agent.presence-changed') presenceSeq.set(event.agentId, event.seq);
  await client.query(
    `INSERT INTO agents (id, presence, available_since, presence_seq, presence_since, chosen_presence)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[])
     ON CONFLICT (id) DO UPDATE SET presence = excluded.presence, available_since = excluded.available_since,
       presence_seq = excluded.presence_seq, presence_since = excluded.presence_since, chosen_presence = excluded.chosen_presence`,
    columnsOf(batch.agentPresences, 6, ([agentId, presence]) => [
      agentId,
      presence.presence,
      presence.availableSince ?? null,
      presenceSeq.get(agentId) ?? 0,
      presence.since ?? null,
      presence.chosen ?? null,
    ]),
  );
}

async function insertMissedOffers(client: PoolClient, offers: readonly MissedOffer[]): Promise<void> {
  if (offers.length === 0) return;
  await client.query(
    `INSERT INTO missed_offers (seq, at, at_ms, agent_id, queue_id, interaction_id, callback_id, reason)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`,
    columnsOf(offers, 8, (offer) => [offer.seq, offer.at, Date.parse(offer.at), offer.agentId, offer.queueId, offer.interactionId, offer.callbackId, offer.reason]),
  );
}
