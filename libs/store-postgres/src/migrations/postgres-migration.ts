import type { PoolClient } from 'pg';

/** One numbered schema step: its SQL, then its `backfill`, run in one transaction with its row in `schema_migrations`. */
export interface PostgresMigration {
  version: number;
  name: string;
  sql: string;
  /** Fills new tables with what SQL alone cannot compute (phone numbers normalized with libphonenumber). */
  backfill?(client: PoolClient): Promise<void>;
}
