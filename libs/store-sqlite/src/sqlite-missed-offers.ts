import type { Database } from 'better-sqlite3';
import type { MissedOffersFilter } from '@icc/core';
import type { MissedOffer, MissedOfferCount, MissedOffersPage } from '@icc/protocol';

interface MissedOfferRow {
  seq: number;
  at: string;
  agent_id: string;
  queue_id: string;
  interaction_id: string;
  callback_id: string;
  reason: MissedOffer['reason'];
}

/** The `missed_offers` read model, filtered on indexed columns; same answers as the in-memory reference. */
export function createSqliteMissedOffers(database: Database) {
  const where = `WHERE (@agentId IS NULL OR agent_id = @agentId) AND (@queueId IS NULL OR queue_id = @queueId)
    AND (@reason IS NULL OR reason = @reason) AND (@fromMs IS NULL OR at_ms >= @fromMs) AND (@toMs IS NULL OR at_ms < @toMs)`;
  const page = database.prepare<[Record<string, unknown>], MissedOfferRow>(
    `SELECT seq, at, agent_id, queue_id, interaction_id, callback_id, reason FROM missed_offers ${where} ORDER BY seq DESC LIMIT @limit`,
  );
  const totalsBy = (column: 'agent_id' | 'queue_id') =>
    database.prepare<[Record<string, unknown>], { id: string; timeout: number; rejected: number }>(
      `SELECT ${column} AS id, SUM(reason = 'timeout') AS timeout, SUM(reason = 'rejected') AS rejected
       FROM missed_offers ${where} GROUP BY ${column} ORDER BY ${column}`,
    );
  const byAgent = totalsBy('agent_id');
  const byQueue = totalsBy('queue_id');

  return (filter: MissedOffersFilter): MissedOffersPage => {
    const params = {
      agentId: filter.agentId ?? null,
      queueId: filter.queueId ?? null,
      reason: filter.reason ?? null,
      fromMs: filter.fromMs ?? null,
      toMs: filter.toMs ?? null,
    };
    const counts = (rows: { id: string; timeout: number; rejected: number }[]): MissedOfferCount[] =>
      rows.map((row) => ({ id: row.id, timeout: row.timeout, rejected: row.rejected }));
    return {
      items: page.all({ ...params, limit: filter.limit }).map((row) => ({
        seq: row.seq,
        at: row.at,
        agentId: row.agent_id,
        queueId: row.queue_id,
        interactionId: row.interaction_id,
        callbackId: row.callback_id,
        reason: row.reason,
      })),
      totals: { byAgent: counts(byAgent.all(params)), byQueue: counts(byQueue.all(params)) },
    };
  };
}
