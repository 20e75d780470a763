import type { SchemaMigration } from '../migrations/schema-migration';
import { SCHEMA_MIGRATIONS } from '../migrations/schema-migrations';

/** The next migration, which exists only in tests: the schema change a future release might bring. */
export const AGENT_NOTES_MIGRATION: SchemaMigration = {
  version: Math.max(...SCHEMA_MIGRATIONS.map((migration) => migration.version)) + 1,
  name: 'agent-notes',
  up: (database) => database.exec('ALTER TABLE agents ADD COLUMN notes TEXT; CREATE INDEX agents_by_notes ON agents (notes)'),
};
