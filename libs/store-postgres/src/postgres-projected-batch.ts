import type { PoolClient } from 'pg';
import {
  addQueueTotals,
  callbackSearchText,
  EMPTY_QUEUE_TOTALS,
  interactionQueueTotals,
  projectEventBatch,
  type AgentPresence,
  type IdempotencyRecord,
  type ProjectedBatch,
} from '@icc/core';
import type { Callback, Interaction, NewIccEvent, Presence } from '@icc/protocol';
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
 * Reads, inside the append's transaction, the read-model rows the batch can touch, then folds
 * the batch with core's `projectEventBatch` (the fold every store shares).
 */
export async function projectOnServer(client: PoolClient, events: readonly NewIccEvent[], firstSeq: number) {
  const interactionIds = new Set<string>();
  const callbackIds = new Set<string>();
  const agentIds = new Set<string>();
  const numbers = new Set<string>();
  const keys = new Set<string>();
  for (const event of events) {
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
  const [interactions, callbacks, byNumber, byKey, presences] = await Promise.all([
    // With the interactions carrying the batch's callbacks: whether a callback is open depends on its carrier (`isOpenCallback`).
    client.query<{ id: string; body: Interaction }>(
      "SELECT id, body FROM interactions WHERE id = ANY($1) OR id IN (SELECT body->>'interactionId' FROM callbacks WHERE id = ANY($2))",
      [[...interactionIds], [...callbackIds]],
    ),
    client.query<{ id: string; body: Callback }>('SELECT id, body FROM callbacks WHERE id = ANY($1)', [[...callbackIds]]),
    client.query<{ id: string; number: string }>('SELECT id, number FROM callbacks WHERE number = ANY($1)', [[...numbers]]),
    client.query<{ id: string; idempotency_key: string; request_hash: string | null }>(
      'SELECT id, idempotency_key, request_hash FROM callbacks WHERE idempotency_key = ANY($1)',
      [[...keys]],
    ),
    client.query<AgentPresenceRow & { id: string }>(
      'SELECT id, presence, available_since, presence_seq, presence_since, chosen_presence FROM agents WHERE id = ANY($1)',
      [[...agentIds]],
    ),
  ]);
  const interactionById = new Map(interactions.rows.map((row) => [row.id, row.body]));
  const callbackById = new Map(callbacks.rows.map((row) => [row.id, row.body]));
  const idByNumber = new Map(byNumber.rows.map((row) => [row.number, row.id]));
  const recordByKey = new Map<string, IdempotencyRecord>(byKey.rows.map((row) => [row.idempotency_key, { callbackId: row.id, requestHash: row.request_hash ?? '' }]));
  const presenceById = new Map(presences.rows.map((row) => [row.id, toAgentPresence(row)]));
  const batch = projectEventBatch(
    {
      interaction: (id) => interactionById.get(id),
      callback: (id) => callbackById.get(id),
      agentPresence: (id) => presenceById.get(id),
      callbackIdByNumber: (number) => idByNumber.get(number),
      idempotencyRecord: (key) => recordByKey.get(key),
    },
    events,
    firstSeq,
  );
  return { batch, previous: (id: string) => interactionById.get(id) };
}

/** Writes the events and every read model the batch changed, in the caller's transaction. Every value a parameter. */
export async function writeProjectedBatch(client: PoolClient, batch: ProjectedBatch, previous: (id: string) => Interaction | undefined): Promise<void> {
  const presenceSeq = new Map<string, number>();
  for (const event of batch.events) {
    if (event.type === 'agent.presence-changed') presenceSeq.set(event.agentId, event.seq);
    const interactionEvent = event.type !== 'agent.presence-changed';
    await client.query('INSERT INTO events (seq, type, interaction_id, callback_id, agent_id, at, body) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      event.seq,
      event.type,
      interactionEvent ? event.interactionId : null,
      interactionEvent ? event.callbackId : null,
      'agentId' in event && typeof event.agentId === 'string' ? event.agentId : null,
      event.at,
      JSON.stringify(event),
    ]);
  }

  for (const [id, interaction] of batch.interactions) {
    const before = previous(id);
    const delta = addQueueTotals(interactionQueueTotals(interaction), before ? interactionQueueTotals(before) : EMPTY_QUEUE_TOTALS, -1);
    if (Object.values(delta).some((value) => value !== 0)) {
      await client.query(
        `INSERT INTO queue_totals (queue_id, offered, answered, no_answer, preview_count, preview_ms_sum) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (queue_id) DO UPDATE SET offered = queue_totals.offered + excluded.offered, answered = queue_totals.answered + excluded.answered,
           no_answer = queue_totals.no_answer + excluded.no_answer, preview_count = queue_totals.preview_count + excluded.preview_count,
           preview_ms_sum = queue_totals.preview_ms_sum + excluded.preview_ms_sum`,
        [interaction.queueId, delta.offered, delta.answered, delta.noAnswer, delta.previewCount, delta.previewMsSum],
      );
    }
    await client.query(
      `INSERT INTO interactions (id, state, agent_id, queue_id, callback_id, seq, requested_at, scheduled_at, body)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET state = excluded.state, agent_id = excluded.agent_id, queue_id = excluded.queue_id,
         callback_id = excluded.callback_id, seq = excluded.seq, requested_at = excluded.requested_at,
         scheduled_at = excluded.scheduled_at, body = excluded.body`,
      [
        id,
        interaction.state,
        interaction.agentId ?? null,
        interaction.queueId,
        interaction.callbackId,
        interaction.seq,
        Date.parse(interaction.requestedAt),
        toMs(interaction.scheduledAt),
        JSON.stringify(interaction),
      ],
    );
  }

  for (const [id, callback] of batch.callbacks) {
    const record = callback.idempotencyKey === undefined ? undefined : batch.idempotencyRecords.get(callback.idempotencyKey);
    await client.query(
      `INSERT INTO callbacks (id, number, idempotency_key, request_hash, state, queue_id, requested_at, search_text, body)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET number = excluded.number, idempotency_key = excluded.idempotency_key,
         request_hash = COALESCE(callbacks.request_hash, excluded.request_hash), state = excluded.state,
         queue_id = excluded.queue_id, requested_at = excluded.requested_at, search_text = excluded.search_text,
         body = excluded.body`,
      [
        id,
        callback.number,
        callback.idempotencyKey ?? null,
        record?.callbackId === id ? record.requestHash : null,
        callback.state,
        callback.queueId,
        Date.parse(callback.requestedAt),
        callbackSearchText(callback),
        JSON.stringify(callback),
      ],
    );
  }

  for (const [agentId, presence] of batch.agentPresences) {
    await client.query(
      `INSERT INTO agents (id, presence, available_since, presence_seq, presence_since, chosen_presence) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET presence = excluded.presence, available_since = excluded.available_since,
         presence_seq = excluded.presence_seq, presence_since = excluded.presence_since, chosen_presence = excluded.chosen_presence`,
      [agentId, presence.presence, presence.availableSince ?? null, presenceSeq.get(agentId) ?? 0, presence.since ?? null, presence.chosen ?? null],
    );
  }

  for (const offer of batch.missedOffers) {
    await client.query(
      'INSERT INTO missed_offers (seq, at, at_ms, agent_id, queue_id, interaction_id, callback_id, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [offer.seq, offer.at, Date.parse(offer.at), offer.agentId, offer.queueId, offer.interactionId, offer.callbackId, offer.reason],
    );
  }

  await writeOpenCallbacks(client, batch.openCallbacks);
}
