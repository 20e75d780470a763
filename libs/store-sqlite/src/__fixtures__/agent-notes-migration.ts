import type { SchemaMigration } from '../migrations/schema-migration';

/** A second migration that exists only in tests: the schema change a future release might bring. */
export const AGENT_NOTES_MIGRATION: SchemaMigration = {
  version: 2,
  name: 'agent-notes',
  up: (database) => database.exec('ALTER TABLE agents ADD COLUMN notes TEXT; CREATE INDEX agents_by_notes ON agents (notes)'),
};
