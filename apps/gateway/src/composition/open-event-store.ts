import type { EventStore } from '@icc/core';
import { createSqliteEventStore } from '@icc/store-sqlite';

/** The embedded default: one SQLite file (WAL) under the data directory. */
export function openEventStore(dataDir: string): Promise<EventStore> | EventStore {
  return createSqliteEventStore({ dataDir });
}
