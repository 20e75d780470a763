import type { Pool } from 'pg';
import { decodeCallbackPageCursor, encodeCallbackPageCursor, normalizeCallbackSearch, ONE_HOUR_MS, toQueueStats, type MissedOffersFilter } from '@icc/core';
import type { Callback, CallbackPage, Interaction, ListCallbacksQuery, ListInteractionsQuery, MissedOffer, MissedOffersPage, QueueStats } from '@icc/protocol';

/** Collects `WHERE` conditions with numbered parameters ($1, $2…): no value ever enters the SQL text. */
function conditions() {
  const where: string[] = [];
  const params: unknown[] = [];
  return {
    params,
    add(condition: (placeholder: () => string) => string) {
      where.push(condition(() => `$${params.length + 1}`));
    },
    value(value: unknown) {
      params.push(value);
      return `$${params.length}`;
    },
    sql: () => (where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''),
  };
}

export async function listInteractionRows(pool: Pool, query: ListInteractionsQuery): Promise<Interaction[]> {
  const filter = conditions();
  if (query.agentId !== undefined) filter.add(() => `agent_id = ${filter.value(query.agentId)}`);
  if (query.queueId !== undefined) filter.add(() => `queue_id = ${filter.value(query.queueId)}`);
  if (query.state !== undefined) filter.add(() => `state = ${filter.value(query.state)}`);
  if (query.vendorRef !== undefined) filter.add(() => `body ? 'vendorRef' AND body->>'vendorRef' = ${filter.value(query.vendorRef)}`);
  if (query.open !== undefined) filter.add(() => (query.open === 'true' ? "state <> 'closed'" : "state = 'closed'"));
  const limit = filter.value(query.limit);
  const { rows } = await pool.query<{ body: Interaction }>(`SELECT body FROM interactions ${filter.sql()} ORDER BY seq DESC LIMIT ${limit}`, filter.params);
  return rows.map((row) => row.body);
}

export async function listCallbackPage(pool: Pool, query: ListCallbacksQuery): Promise<CallbackPage> {
  const filter = conditions();
  if (query.queueId !== undefined) filter.add(() => `c.queue_id = ${filter.value(query.queueId)}`);
  if (query.state !== undefined) filter.add(() => `c.state = ${filter.value(query.state)}`);
  if (query.agentId !== undefined) {
    filter.add(() => `EXISTS (SELECT 1 FROM interactions i WHERE i.agent_id = ${filter.value(query.agentId)} AND i.callback_id = c.id)`);
  }
  if (query.vendorRef !== undefined) {
    filter.add(() => `EXISTS (SELECT 1 FROM interactions i WHERE i.body ? 'vendorRef' AND i.body->>'vendorRef' = ${filter.value(query.vendorRef)} AND i.callback_id = c.id)`);
  }
  const search = query.search === undefined ? '' : normalizeCallbackSearch(query.search);
  // strpos, not LIKE: the search is plain text, % and _ in it are not wildcards.
  if (search !== '') filter.add(() => `strpos(c.search_text, ${filter.value(search)}) > 0`);
  if (query.cursor !== undefined) {
    const cursor = decodeCallbackPageCursor(query.cursor);
    filter.add(() => {
      const at = filter.value(cursor.requestedAtMs);
      return `(c.requested_at < ${at} OR (c.requested_at = ${at} AND c.id < ${filter.value(cursor.callbackId)}))`;
    });
  }
  const limit = filter.value(query.limit + 1);
  const { rows } = await pool.query<{ id: string; requested_at: number; body: Callback }>(
    `SELECT c.id, c.requested_at, c.body FROM callbacks c ${filter.sql()} ORDER BY c.requested_at DESC, c.id DESC LIMIT ${limit}`,
    filter.params,
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => row.body),
    nextCursor: rows.length > query.limit && last ? encodeCallbackPageCursor({ requestedAtMs: last.requested_at, callbackId: last.id }) : null,
  };
}

export async function queueStats(pool: Pool, now: number): Promise<QueueStats[]> {
  const [queueIds, waiting, scheduled, available, totals] = await Promise.all([
    pool.query<{ id: string }>('SELECT id FROM queues ORDER BY id'),
    pool.query<{ queue_id: string; depth: number; oldest: number }>(
      "SELECT queue_id, COUNT(*)::int AS depth, MIN(requested_at) AS oldest FROM interactions WHERE state = 'queued' GROUP BY queue_id",
    ),
    pool.query<{ queue_id: string; count: number }>(
      "SELECT queue_id, COUNT(*)::int AS count FROM interactions WHERE state = 'scheduled' AND scheduled_at BETWEEN $1 AND $2 GROUP BY queue_id",
      [now, now + ONE_HOUR_MS],
    ),
    pool.query<{ queue_id: string; count: number }>(
      `SELECT q.queue_id, COUNT(DISTINCT agents.id)::int AS count
       FROM agents CROSS JOIN LATERAL jsonb_array_elements_text(agents.definition->'queueIds') AS q(queue_id)
       WHERE agents.presence = 'available' AND agents.definition IS NOT NULL GROUP BY q.queue_id`,
    ),
    pool.query<{ queue_id: string; offered: number; answered: number; no_answer: number; preview_count: number; preview_ms_sum: number }>('SELECT * FROM queue_totals'),
  ]);
  const depth = new Map(waiting.rows.map((row) => [row.queue_id, row]));
  const nextHour = new Map(scheduled.rows.map((row) => [row.queue_id, row.count]));
  const agents = new Map(available.rows.map((row) => [row.queue_id, row.count]));
  const sums = new Map(totals.rows.map((row) => [row.queue_id, row]));
  return queueIds.rows.map(({ id }) => {
    const sum = sums.get(id);
    return toQueueStats(
      id,
      {
        depth: depth.get(id)?.depth ?? 0,
        oldestRequestedAtMs: depth.get(id)?.oldest,
        scheduledNextHour: nextHour.get(id) ?? 0,
        agentsAvailable: agents.get(id) ?? 0,
      },
      {
        offered: sum?.offered ?? 0,
        answered: sum?.answered ?? 0,
        noAnswer: sum?.no_answer ?? 0,
        previewCount: sum?.preview_count ?? 0,
        previewMsSum: sum?.preview_ms_sum ?? 0,
      },
      now,
    );
  });
}

export async function missedOffers(pool: Pool, filter: MissedOffersFilter): Promise<MissedOffersPage> {
  const params = [filter.agentId ?? null, filter.queueId ?? null, filter.reason ?? null, filter.fromMs ?? null, filter.toMs ?? null];
  const where = `WHERE ($1::text IS NULL OR agent_id = $1) AND ($2::text IS NULL OR queue_id = $2)
    AND ($3::text IS NULL OR reason = $3) AND ($4::bigint IS NULL OR at_ms >= $4) AND ($5::bigint IS NULL OR at_ms < $5)`;
  const totalsBy = (column: 'agent_id' | 'queue_id') =>
    pool.query<{ id: string; timeout: number; rejected: number }>(
      `SELECT ${column} AS id, COUNT(*) FILTER (WHERE reason = 'timeout')::int AS timeout, COUNT(*) FILTER (WHERE reason = 'rejected')::int AS rejected
       FROM missed_offers ${where} GROUP BY ${column} ORDER BY ${column}`,
      params,
    );
  const [page, byAgent, byQueue] = await Promise.all([
    pool.query<{ seq: number; at: string; agent_id: string; queue_id: string; interaction_id: string; callback_id: string; reason: MissedOffer['reason'] }>(
      `SELECT seq, at, agent_id, queue_id, interaction_id, callback_id, reason FROM missed_offers ${where} ORDER BY seq DESC LIMIT $6`,
      [...params, filter.limit],
    ),
    totalsBy('agent_id'),
    totalsBy('queue_id'),
  ]);
  return {
    items: page.rows.map((row) => ({
      seq: row.seq,
      at: row.at,
      agentId: row.agent_id,
      queueId: row.queue_id,
      interactionId: row.interaction_id,
      callbackId: row.callback_id,
      reason: row.reason,
    })),
    totals: { byAgent: byAgent.rows, byQueue: byQueue.rows },
  };
}
