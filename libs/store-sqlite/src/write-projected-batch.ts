import { addQueueTotals, EMPTY_QUEUE_TOTALS, interactionQueueTotals, type ProjectedBatch } from '@icc/core';
import type { Interaction } from '@icc/protocol';
import { callbackSearchText } from '@icc/core';
import type { SqliteStatements } from './sqlite-statements';

const toMs = (instant: string | undefined) => (instant === undefined ? null : Date.parse(instant));

/**
 * Writes a projected batch: its events (unless rebuilding from them) and every read model it
 * changed, queue totals by delta. `previous` must still return the values before the batch.
 */
export function writeProjectedBatch(
  statements: SqliteStatements,
  previous: (interactionId: string) => Interaction | undefined,
  batch: ProjectedBatch,
  options: { withEvents: boolean },
): void {
  const presenceSeq = new Map<string, number>();
  for (const event of batch.events) {
    if (event.type === 'agent.presence-changed') presenceSeq.set(event.agentId, event.seq);
    if (!options.withEvents) continue;
    const interactionEvent = event.type !== 'agent.presence-changed';
    statements.insertEvent.run(
      event.seq,
      event.type,
      interactionEvent ? event.interactionId : null,
      interactionEvent ? event.callbackId : null,
      'agentId' in event && typeof event.agentId === 'string' ? event.agentId : null,
      event.at,
      JSON.stringify(event),
    );
  }

  for (const [id, interaction] of batch.interactions) {
    const before = previous(id);
    const delta = addQueueTotals(interactionQueueTotals(interaction), before ? interactionQueueTotals(before) : EMPTY_QUEUE_TOTALS, -1);
    if (Object.values(delta).some((value) => value !== 0)) {
      statements.addQueueTotals.run(interaction.queueId, delta.offered, delta.answered, delta.noAnswer, delta.previewCount, delta.previewMsSum);
    }
    statements.upsertInteraction.run(
      id,
      interaction.state,
      interaction.agentId ?? null,
      interaction.queueId,
      interaction.callbackId,
      interaction.seq,
      Date.parse(interaction.requestedAt),
      toMs(interaction.scheduledAt),
      JSON.stringify(interaction),
    );
  }

  for (const [id, callback] of batch.callbacks) {
    const record = callback.idempotencyKey === undefined ? undefined : batch.idempotencyRecords.get(callback.idempotencyKey);
    statements.upsertCallback.run(
      id,
      callback.number,
      callback.idempotencyKey ?? null,
      record?.callbackId === id ? record.requestHash : null,
      callback.state,
      callback.queueId,
      Date.parse(callback.requestedAt),
      callbackSearchText(callback),
      JSON.stringify(callback),
    );
  }

  for (const [agentId, presence] of batch.agentPresences) {
    statements.upsertAgentPresence.run(
      agentId,
      presence.presence,
      presence.availableSince ?? null,
      presenceSeq.get(agentId) ?? 0,
      presence.since ?? null,
      presence.chosen ?? null,
    );
  }

  for (const offer of batch.missedOffers) {
    statements.insertMissedOffer.run(offer.seq, offer.at, Date.parse(offer.at), offer.agentId, offer.queueId, offer.interactionId, offer.callbackId, offer.reason);
  }
}
