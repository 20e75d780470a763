import type { Database } from 'better-sqlite3';
import { IccError } from '@icc/core';
import type { SchemaMigration } from './schema-migration';
import { SCHEMA_MIGRATIONS } from './schema-migrations';

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction,
 * and returns the versions it applied. Safe to run on every start.
 */
export function runSchemaMigrations(database: Database, migrations: readonly SchemaMigration[] = SCHEMA_MIGRATIONS): number[] {
  database.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = new Set(
    database
      .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
      .all()
      .map((row) => row.version),
  );
  const newest = Math.max(0, ...migrations.map((migration) => migration.version));
  const unknown = [...applied].filter((version) => version > newest);
  if (unknown.length > 0) {
    throw new IccError(
      'storage_unavailable',
      `The database has schema version ${Math.max(...unknown)}, newer than this build knows (${newest}); run a newer build`,
    );
  }
  const record = database.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const pending = [...migrations].sort((a, b) => a.version - b.version).filter((migration) => !applied.has(migration.version));
  for (const migration of pending) {
    database.transaction(() => {
      migration.up(database);
      record.run(migration.version, migration.name, new Date().toISOString());
    }).immediate();
  }
  return pending.map((migration) => migration.version);
}
