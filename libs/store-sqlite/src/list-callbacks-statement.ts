import type { Database, Statement } from 'better-sqlite3';
import { decodeCallbackPageCursor, normalizeCallbackSearch } from '@icc/core';
import type { ListCallbacksQuery } from '@icc/protocol';

export interface CallbackPageRow {
  id: string;
  requested_at: number;
  body: string;
}

/**
 * Keyset paging over `callbacks`, newest request first (ties: id descending), with the
 * filters of `ListCallbacksQuery`. Statements are cached per filter combination.
 */
export function createListCallbacksStatement(database: Database) {
  const prepared = new Map<string, Statement<unknown[], CallbackPageRow>>();

  return (query: ListCallbacksQuery, limit: number): CallbackPageRow[] => {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.queueId !== undefined) {
      where.push('c.queue_id = ?');
      params.push(query.queueId);
    }
    if (query.state !== undefined) {
      where.push('c.state = ?');
      params.push(query.state);
    }
    if (query.agentId !== undefined) {
      where.push('EXISTS (SELECT 1 FROM interactions i WHERE i.agent_id = ? AND i.callback_id = c.id)');
      params.push(query.agentId);
    }
    if (query.vendorRef !== undefined) {
      where.push('EXISTS (SELECT 1 FROM interactions i WHERE i.vendor_ref = ? AND i.callback_id = c.id)');
      params.push(query.vendorRef);
    }
    const search = query.search === undefined ? '' : normalizeCallbackSearch(query.search);
    if (search !== '') {
      // instr, not LIKE: the search is plain text, % and _ in it are not wildcards.
      where.push('instr(c.search_text, ?) > 0');
      params.push(search);
    }
    if (query.cursor !== undefined) {
      const cursor = decodeCallbackPageCursor(query.cursor);
      where.push('(c.requested_at < ? OR (c.requested_at = ? AND c.id < ?))');
      params.push(cursor.requestedAtMs, cursor.requestedAtMs, cursor.callbackId);
    }
    const sql = `SELECT c.id, c.requested_at, c.body FROM callbacks c
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY c.requested_at DESC, c.id DESC LIMIT ?`;
    let statement = prepared.get(sql);
    if (!statement) {
      statement = database.prepare<unknown[], CallbackPageRow>(sql);
      prepared.set(sql, statement);
    }
    return statement.all(...params, limit);
  };
}
