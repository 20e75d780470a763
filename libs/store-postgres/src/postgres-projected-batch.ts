import type { PoolClient } from 'pg';
import {
  addQueueTotalsChange,
  callbackSearchText,
  type AgentPresence,
  type ProjectedBatch,
  type QueueTotals,
} from '@icc/core';
import type { IccEvent, Interaction, MissedOffer, Presence } from '@icc/protocol';
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
 * Writes the events and every read model the batch changed, in the caller's transaction: one
 * multi-row insert or upsert per table (arrays unnested on the server), all of them in one statement
 * (one round trip) as data-modifying WITH queries, whatever the batch's size. `notify`: also
 * `pg_notify(channel, payload)` in that statement (delivered at COMMIT). Open-callback entries
 * follow in statements of their own (a delete, then inserts, of the same keys).
 */
export async function writeProjectedBatch(
  client: PoolClient,
  batch: ProjectedBatch,
  previous: (id: string) => Interaction | undefined,
  notify?: { channel: string; payload: string },
): Promise<void> {
  const writes = [
    insertEvents(batch.events),
    addQueueTotalDeltas(batch.interactions, previous),
    upsertInteractions(batch.interactions),
    upsertCallbacks(batch),
    upsertAgentPresences(batch),
    insertMissedOffers(batch.missedOffers),
  ].filter((write): write is Statement => write !== undefined);
  const together = inOneStatement(writes, notify);
  if (together) await client.query(together.sql, together.params);
  await writeOpenCallbacks(client, batch.openCallbacks);
}

interface Statement {
  sql: string;
  params: unknown[];
}

/** Each write a WITH query of one statement, its `$n` shifted past the ones before; each touches a table of its own. */
function inOneStatement(writes: readonly Statement[], notify?: { channel: string; payload: string }): Statement | undefined {
  if (writes.length === 0 && !notify) return undefined;
  if (writes.length === 1 && !notify) return writes[0];
  const params: unknown[] = [];
  const queries = writes.map((write, index) => {
    const offset = params.length;
    params.push(...write.params);
    return `write${index} AS (${write.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)})`;
  });
  const result = notify ? `SELECT pg_notify($${params.push(notify.channel)}, $${params.push(notify.payload)})` : 'SELECT 1';
  return { sql: queries.length > 0 ? `WITH ${queries.join(',\n')}\n${result}` : result, params };
}

/** Columns as parallel arrays, one per `unnest` argument. */
function columnsOf<Row>(rows: Iterable<Row>, width: number, cells: (row: Row) => unknown[]): unknown[][] {
  const columns: unknown[][] = Array.from({ length: width }, () => []);
  for (const row of rows) cells(row).forEach((cell, index) => columns[index]?.push(cell));
  return columns;
}

function insertEvents(events: readonly IccEvent[]): Statement | undefined {
  if (events.length === 0) return undefined;
  return {
    sql: `INSERT INTO events (seq, type, interaction_id, callback_id, agent_id, at, body)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[])`,
    params: columnsOf(events, 7, (event) => {
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
    }),
  };
}

/** One row per queue (an upsert may not touch a row twice): the sum of its interactions' deltas. */
function addQueueTotalDeltas(interactions: ReadonlyMap<string, Interaction>, previous: (id: string) => Interaction | undefined): Statement | undefined {
  const byQueue = new Map<string, QueueTotals>();
  for (const [id, interaction] of interactions) addQueueTotalsChange(byQueue, previous(id), interaction);
  const changed = [...byQueue].filter(([, delta]) => Object.values(delta).some((value) => value !== 0));
  if (changed.length === 0) return undefined;
  return {
    sql: `INSERT INTO queue_totals (queue_id, offered, answered, no_answer, preview_count, preview_ms_sum)
     SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[])
     ON CONFLICT (queue_id) DO UPDATE SET offered = queue_totals.offered + excluded.offered, answered = queue_totals.answered + excluded.answered,
       no_answer = queue_totals.no_answer + excluded.no_answer, preview_count = queue_totals.preview_count + excluded.preview_count,
       preview_ms_sum = queue_totals.preview_ms_sum + excluded.preview_ms_sum`,
    params: columnsOf(changed, 6, ([queueId, delta]) => [queueId, delta.offered, delta.answered, delta.noAnswer, delta.previewCount, delta.previewMsSum]),
  };
}

function upsertInteractions(interactions: ReadonlyMap<string, Interaction>): Statement | undefined {
  if (interactions.size === 0) return undefined;
  return {
    sql: `INSERT INTO interactions (id, state, agent_id, queue_id, callback_id, seq, requested_at, scheduled_at, body)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::bigint[], $9::jsonb[])
     ON CONFLICT (id) DO UPDATE SET state = excluded.state, agent_id = excluded.agent_id, queue_id = excluded.queue_id,
       callback_id = excluded.callback_id, seq = excluded.seq, requested_at = excluded.requested_at,
       scheduled_at = excluded.scheduled_at, body = excluded.body`,
    params: columnsOf(interactions, 9, ([id, interaction]) => [
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
  };
}

function upsertCallbacks(batch: ProjectedBatch): Statement | undefined {
  if (batch.callbacks.size === 0) return undefined;
  return {
    sql: `INSERT INTO callbacks (id, number, idempotency_key, request_hash, state, queue_id, requested_at, search_text, body)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::jsonb[])
     ON CONFLICT (id) DO UPDATE SET number = excluded.number, idempotency_key = excluded.idempotency_key,
       request_hash = COALESCE(callbacks.request_hash, excluded.request_hash), state = excluded.state,
       queue_id = excluded.queue_id, requested_at = excluded.requested_at, search_text = excluded.search_text,
       body = excluded.body`,
    params: columnsOf(batch.callbacks, 9, ([id, callback]) => {
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
  };
}

function upsertAgentPresences(batch: ProjectedBatch): Statement | undefined {
  if (batch.agentPresences.size === 0) return undefined;
  const presenceSeq = new Map<string, number>();
  for (const event of batch.events) if (event.type === 'agent.presence-changed') presenceSeq.set(event.agentId, event.seq);
  return {
    sql: `INSERT INTO agents (id, presence, available_since, presence_seq, presence_since, chosen_presence)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[])
     ON CONFLICT (id) DO UPDATE SET presence = excluded.presence, available_since = excluded.available_since,
       presence_seq = excluded.presence_seq, presence_since = excluded.presence_since, chosen_presence = excluded.chosen_presence`,
    params: columnsOf(batch.agentPresences, 6, ([agentId, presence]) => [
      agentId,
      presence.presence,
      presence.availableSince ?? null,
      presenceSeq.get(agentId) ?? 0,
      presence.since ?? null,
      presence.chosen ?? null,
    ]),
  };
}

function insertMissedOffers(offers: readonly MissedOffer[]): Statement | undefined {
  if (offers.length === 0) return undefined;
  return {
    sql: `INSERT INTO missed_offers (seq, at, at_ms, agent_id, queue_id, interaction_id, callback_id, reason)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`,
    params: columnsOf(offers, 8, (offer) => [offer.seq, offer.at, Date.parse(offer.at), offer.agentId, offer.queueId, offer.interactionId, offer.callbackId, offer.reason]),
  };
}
