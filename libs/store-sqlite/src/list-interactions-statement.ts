import type { Database, Statement } from 'better-sqlite3';
import type { ListInteractionsQuery } from '@icc/protocol';

/** Rows of the interactions matching the query, most recently changed first. */
export function createListInteractionsStatement(database: Database) {
  const prepared = new Map<string, Statement<unknown[], { id: string; body: string }>>();

  return (query: ListInteractionsQuery): Array<{ id: string; body: string }> => {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.agentId !== undefined) {
      where.push('agent_id = ?');
      params.push(query.agentId);
    }
    if (query.queueId !== undefined) {
      where.push('queue_id = ?');
      params.push(query.queueId);
    }
    if (query.state !== undefined) {
      where.push('state = ?');
      params.push(query.state);
    }
    if (query.vendorRef !== undefined) {
      where.push('vendor_ref = ?');
      params.push(query.vendorRef);
    }
    if (query.open !== undefined) where.push(query.open === 'true' ? "state <> 'closed'" : "state = 'closed'");
    const sql = `SELECT id, body FROM interactions ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
    let statement = prepared.get(sql);
    if (!statement) {
      statement = database.prepare<unknown[], { id: string; body: string }>(sql);
      prepared.set(sql, statement);
    }
    return statement.all(...params, query.limit);
  };
}
