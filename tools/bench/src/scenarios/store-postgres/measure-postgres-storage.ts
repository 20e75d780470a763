import pg from 'pg';
import type { PostgresStorage } from './postgres-store-workload';

/** Sizes of `tables` and of the average event body, read on a connection of its own after the run. */
export async function measurePostgresStorage(url: string, tables: readonly string[]): Promise<PostgresStorage> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const sizes: Record<string, number> = {};
    for (const table of tables) {
      const { rows } = await client.query<{ bytes: string }>('SELECT pg_total_relation_size($1::regclass) AS bytes', [table]);
      sizes[table] = Number(rows[0]?.bytes ?? 0);
    }
    const { rows } = await client.query<{ body: string | null; json: string | null }>(
      'SELECT avg(pg_column_size(body)) AS body, avg(octet_length(body::text)) AS json FROM events',
    );
    return { tables: sizes, eventBodyBytes: Math.round(Number(rows[0]?.body ?? 0)), eventJsonBytes: Math.round(Number(rows[0]?.json ?? 0)) };
  } finally {
    await client.end();
  }
}
