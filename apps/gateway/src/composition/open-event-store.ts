import type { AsyncEventStore, EventStore } from '@icc/core';
import { openPostgresEventStore } from '@icc/store-postgres';
import { createSqliteEventStore } from '@icc/store-sqlite';

/** A `postgres://` (or `postgresql://`) URL selects the PostgreSQL store; anything else is SQLite. */
export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url.trim());
}

/**
 * The embedded default: one SQLite file (WAL) under the data directory. With a PostgreSQL URL, the
 * PostgreSQL store (opening fails in one line: bad URL, unreachable, older than 15, missing privileges).
 */
export async function openEventStore(where: { dataDir: string; url?: string }): Promise<EventStore | AsyncEventStore> {
  if (isPostgresUrl(where.url)) return openPostgresEventStore({ url: where.url.trim() });
  return createSqliteEventStore({ dataDir: where.dataDir });
}
