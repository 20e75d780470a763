/**
 * Child process of the migration crash test: opens the database as the store does (WAL,
 * synchronous=FULL), runs the schema migrations plus, with `notes`, a test-only next one, and
 * blocks inside the transaction of migration `<stopAt>` once its changes are made, after printing
 * `inside <stopAt>`. The test SIGKILLs it there. Usage: tsx migrate-until-killed.ts <dataDir> <stopAt> [notes]
 */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { runSchemaMigrations } from '../migrations/run-schema-migrations';
import { SCHEMA_MIGRATIONS } from '../migrations/schema-migrations';
import type { SchemaMigration } from '../migrations/schema-migration';
import { AGENT_NOTES_MIGRATION } from './agent-notes-migration';

const [dataDir, stopAtArgument, extra] = process.argv.slice(2);
if (!dataDir || !stopAtArgument) throw new Error('usage: migrate-until-killed.ts <dataDir> <stopAt> [notes]');
const stopAt = Number(stopAtArgument);

const database = new BetterSqlite3(path.join(dataDir, 'icc.db'));
database.pragma('journal_mode = WAL');
database.pragma('synchronous = FULL');

const migrations: SchemaMigration[] = [...SCHEMA_MIGRATIONS, ...(extra === 'notes' ? [AGENT_NOTES_MIGRATION] : [])].map((migration) => ({
  ...migration,
  up(target) {
    migration.up(target);
    if (migration.version !== stopAt) return;
    // Pipes are written synchronously on Linux: the line is out before the process blocks.
    process.stdout.write(`inside ${migration.version}\n`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  },
}));
runSchemaMigrations(database, migrations);
process.stdout.write('migrated\n');
