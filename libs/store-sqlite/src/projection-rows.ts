import { addQueueTotalsChange, callbackSearchText, type OpenCallbackEntry, type ProjectedBatch, type QueueTotals } from '@icc/core';
import type { Interaction } from '@icc/protocol';
import type { Database } from 'better-sqlite3';
import { createMultiRowDelete, createMultiRowInsert } from './multi-row-insert';

const toMs = (instant: string | undefined) => (instant === undefined ? null : Date.parse(instant));

type Row = unknown[];

/**
 * The rows of projected batches, collected in memory and written together: every table in a few
 * multi-row statements per group commit instead of one statement per row and batch. A row written
 * twice in one group (the same interaction, callback or agent) is written once, with its last
 * value; queue totals are summed per queue. An open callback's entry (`open_callback_*`) is deleted
 * and written again only when the batch changed it: one delete and one insert per table and group. Identity columns (an interaction's callback and
 * request time, a callback's number, idempotency key and request time) never change after the
 * insert, so updates leave them, and the indexes on them, alone.
 */
export interface ProjectionRows {
  /** `previous` must still return the interactions as they were before `batch`. */
  add(batch: ProjectedBatch, previous: (interactionId: string) => Interaction | undefined, options: { withEvents: boolean }): void;
  /** Writes and forgets every row added so far (forgets them also when a write throws). */
  write(): void;
  clear(): void;
  /** Statement runs so far. */
  statementRuns(): number;
}

export function createProjectionRows(database: Database): ProjectionRows {
  const events = createMultiRowInsert(database, 'events', ['seq', 'type', 'interaction_id', 'callback_id', 'agent_id', 'at', 'body']);
  const interactions = createMultiRowInsert(
    database,
    'interactions',
    ['id', 'state', 'agent_id', 'queue_id', 'callback_id', 'seq', 'requested_at', 'scheduled_at', 'vendor_ref', 'body'],
    `ON CONFLICT (id) DO UPDATE SET state = excluded.state, agent_id = excluded.agent_id, queue_id = excluded.queue_id,
       seq = excluded.seq, scheduled_at = excluded.scheduled_at, vendor_ref = excluded.vendor_ref, body = excluded.body`,
  );
  const callbacks = createMultiRowInsert(
    database,
    'callbacks',
    ['id', 'number', 'idempotency_key', 'request_hash', 'state', 'queue_id', 'requested_at', 'search_text', 'body'],
    `ON CONFLICT (id) DO UPDATE SET request_hash = COALESCE(callbacks.request_hash, excluded.request_hash), state = excluded.state,
       queue_id = excluded.queue_id, search_text = excluded.search_text, body = excluded.body`,
  );
  const presences = createMultiRowInsert(
    database,
    'agents',
    ['id', 'presence', 'available_since', 'presence_seq', 'presence_since', 'chosen_presence'],
    `ON CONFLICT (id) DO UPDATE SET presence = excluded.presence, available_since = excluded.available_since,
       presence_seq = excluded.presence_seq, presence_since = excluded.presence_since, chosen_presence = excluded.chosen_presence`,
  );
  const totals = createMultiRowInsert(
    database,
    'queue_totals',
    ['queue_id', 'offered', 'answered', 'no_answer', 'preview_count', 'preview_ms_sum'],
    `ON CONFLICT (queue_id) DO UPDATE SET offered = offered + excluded.offered, answered = answered + excluded.answered,
       no_answer = no_answer + excluded.no_answer, preview_count = preview_count + excluded.preview_count,
       preview_ms_sum = preview_ms_sum + excluded.preview_ms_sum`,
  );
  const missedOffers = createMultiRowInsert(database, 'missed_offers', ['seq', 'at', 'at_ms', 'agent_id', 'queue_id', 'interaction_id', 'callback_id', 'reason']);
  const openCallbackNumbersOut = createMultiRowDelete(database, 'open_callback_numbers', 'callback_id');
  const openCallbackStartsOut = createMultiRowDelete(database, 'open_callback_starts', 'callback_id');
  const openCallbackNumbers = createMultiRowInsert(database, 'open_callback_numbers', ['queue_id', 'number', 'callback_id']);
  const openCallbackStarts = createMultiRowInsert(database, 'open_callback_starts', ['callback_id', 'queue_id', 'start_ms']);
  const inserts = [events, interactions, callbacks, presences, totals, missedOffers, openCallbackNumbersOut, openCallbackStartsOut, openCallbackNumbers, openCallbackStarts];

  let eventRows: Row[] = [];
  let interactionRows = new Map<string, Row>();
  let callbackRows = new Map<string, Row>();
  let presenceRows = new Map<string, Row>();
  let queueDeltas = new Map<string, QueueTotals>();
  let missedOfferRows: Row[] = [];
  let openCallbackEntries = new Map<string, OpenCallbackEntry | null>();

  const clear = () => {
    eventRows = [];
    interactionRows = new Map();
    callbackRows = new Map();
    presenceRows = new Map();
    queueDeltas = new Map();
    missedOfferRows = [];
    openCallbackEntries = new Map();
  };

  const writeOpenCallbacks = () => {
    if (openCallbackEntries.size === 0) return;
    const changed = [...openCallbackEntries.keys()].map((callbackId) => [callbackId]);
    openCallbackNumbersOut.run(changed);
    openCallbackStartsOut.run(changed);
    const open = [...openCallbackEntries].flatMap(([callbackId, entry]) => (entry ? [{ callbackId, entry }] : []));
    openCallbackNumbers.run(open.flatMap(({ callbackId, entry }) => entry.numbers.map((number) => [entry.queueId, number, callbackId])));
    openCallbackStarts.run(open.flatMap(({ callbackId, entry }) => (entry.startMs === undefined ? [] : [[callbackId, entry.queueId, entry.startMs]])));
  };

  return {
    add(batch, previous, options) {
      const presenceSeq = new Map<string, number>();
      for (const event of batch.events) {
        if (event.type === 'agent.presence-changed') presenceSeq.set(event.agentId, event.seq);
        if (!options.withEvents) continue;
        const interactionEvent = event.type !== 'agent.presence-changed';
        eventRows.push([
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
        addQueueTotalsChange(queueDeltas, previous(id), interaction);
        interactionRows.delete(id); // re-added last: rows keep the order of their last change
        interactionRows.set(id, [
          id,
          interaction.state,
          interaction.agentId ?? null,
          interaction.queueId,
          interaction.callbackId,
          interaction.seq,
          Date.parse(interaction.requestedAt),
          toMs(interaction.scheduledAt),
          interaction.vendorRef ?? null,
          JSON.stringify(interaction),
        ]);
      }
      for (const [id, callback] of batch.callbacks) {
        const record = callback.idempotencyKey === undefined ? undefined : batch.idempotencyRecords.get(callback.idempotencyKey);
        // The request hash is written with the callback's first row and kept: a later row of the same group must not drop it.
        const requestHash = (callbackRows.get(id)?.[3] as string | null | undefined) ?? (record?.callbackId === id ? record.requestHash : null);
        callbackRows.delete(id);
        callbackRows.set(id, [
          id,
          callback.number,
          callback.idempotencyKey ?? null,
          requestHash,
          callback.state,
          callback.queueId,
          Date.parse(callback.requestedAt),
          callbackSearchText(callback),
          JSON.stringify(callback),
        ]);
      }
      for (const [agentId, presence] of batch.agentPresences) {
        presenceRows.set(agentId, [
          agentId,
          presence.presence,
          presence.availableSince ?? null,
          presenceSeq.get(agentId) ?? 0,
          presence.since ?? null,
          presence.chosen ?? null,
        ]);
      }
      for (const offer of batch.missedOffers) {
        missedOfferRows.push([offer.seq, offer.at, Date.parse(offer.at), offer.agentId, offer.queueId, offer.interactionId, offer.callbackId, offer.reason]);
      }
      for (const [callbackId, entry] of batch.openCallbacks) openCallbackEntries.set(callbackId, entry);
    },
    write() {
      try {
        events.run(eventRows);
        interactions.run([...interactionRows.values()]);
        callbacks.run([...callbackRows.values()]);
        presences.run([...presenceRows.values()]);
        totals.run(
          [...queueDeltas]
            .filter(([, delta]) => Object.values(delta).some((value) => value !== 0))
            .map(([queueId, delta]) => [queueId, delta.offered, delta.answered, delta.noAnswer, delta.previewCount, delta.previewMsSum]),
        );
        missedOffers.run(missedOfferRows);
        writeOpenCallbacks();
      } finally {
        clear();
      }
    },
    clear,
    statementRuns: () => inserts.reduce((sum, insert) => sum + insert.runs(), 0),
  };
}
