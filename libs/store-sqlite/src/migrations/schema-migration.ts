import type { Database } from 'better-sqlite3';

/** One numbered, forward-only change to the schema; applied once, inside a transaction. */
export interface SchemaMigration {
  version: number;
  name: string;
  up(database: Database): void;
}
