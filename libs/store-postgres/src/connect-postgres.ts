import pg, { type Pool, type PoolClient, type PoolConfig } from 'pg';
import { IccError } from '@icc/core';
import { parsePostgresUrl, type PostgresTarget } from './postgres-url';
import { assertSupportedServerVersion } from './server-version';

const codeOf = (error: unknown) => (typeof error === 'object' && error !== null ? String((error as { code?: unknown }).code ?? '') : '');
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Why opening failed, in one line naming the server (never the password) and what to do. */
export function describeOpenFailure(error: unknown, target: PostgresTarget): IccError {
  if (error instanceof IccError) return error;
  const where = `${target.host}:${target.port}`;
  const code = codeOf(error);
  let message: string;
  if (code === '42501') {
    message = `Role "${target.user}" may not create the event store's tables in database "${target.database}" (${messageOf(error)}): GRANT CREATE ON SCHEMA public TO "${target.user}", or start once as the database owner`;
  } else if (code === '28P01' || code === '28000') {
    message = `PostgreSQL at ${where} refused role "${target.user}" (${messageOf(error)}): check the user and password in the URL`;
  } else if (code === '3D000') {
    message = `Database "${target.database}" does not exist on ${where}: create it (createdb ${target.database}) or fix the URL`;
  } else if (/^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ECONNRESET)$/.test(code) || /timeout|terminated/i.test(messageOf(error))) {
    message = `Cannot reach PostgreSQL at ${where} (${code || messageOf(error)}): is the server running, and is the URL right?`;
  } else {
    message = `Cannot open the event store on PostgreSQL at ${where} (${code || 'error'}: ${messageOf(error)})`;
  }
  const failure = new IccError('storage_unavailable', message);
  failure.cause = error;
  return failure;
}

/**
 * A pool checked end to end before the store uses it: URL, reachability, server version and the
 * migrations (which need CREATE the first time). On any failure the pool is closed.
 */
export async function connectPostgres(config: PoolConfig, url: string, migrate: (client: PoolClient) => Promise<unknown>): Promise<Pool> {
  const target = parsePostgresUrl(url);
  const pool = new pg.Pool(config);
  // A client losing its server (shutdown, pg_terminate_backend) emits 'error': idle ones through
  // the pool, checked-out ones on themselves. Neither may crash the process: the pending or next
  // query rejects, and inTransaction retries or answers storage_unavailable.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    const client = await pool.connect();
    try {
      const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
      assertSupportedServerVersion(rows[0]?.server_version_num ?? '');
      await migrate(client);
    } finally {
      client.release();
    }
    return pool;
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw describeOpenFailure(error, target);
  }
}
