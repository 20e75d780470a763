/** One numbered schema step: its SQL runs in one transaction with its row in `schema_migrations`. */
export interface PostgresMigration {
  version: number;
  name: string;
  sql: string;
}
