import { spawn } from 'node:child_process';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { fixtureCreated, fixtureEvent } from '@icc/core/testing';
import { AGENT_NOTES_MIGRATION } from './__fixtures__/agent-notes-migration';
import { runSchemaMigrations } from './migrations/run-schema-migrations';
import { SCHEMA_MIGRATIONS } from './migrations/schema-migrations';
import { readProjectionTables } from './read-projection-tables';
import { createSqliteEventStore } from './sqlite-event-store';
import { createTemporaryDataDirs } from './temporary-data-dirs';

const dataDirs = createTemporaryDataDirs();
afterAll(() => dataDirs.removeAll());

const WORKSPACE_ROOT = path.resolve(__dirname, '../../..');
const TSX = path.join(WORKSPACE_ROOT, 'node_modules/.bin/tsx');
const SCRIPT = path.join(__dirname, '__fixtures__/migrate-until-killed.ts');

/** Runs the migrator until it blocks inside migration `stopAt`, then SIGKILLs its process group. */
function killInsideMigration(dataDir: string, stopAt: number, extra: string[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [SCRIPT, dataDir, String(stopAt), ...extra], {
      cwd: path.join(WORKSPACE_ROOT, 'libs/store-sqlite'),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const safety = setTimeout(() => {
      killGroup();
      reject(new Error(`the migrator never reached migration ${stopAt}: ${stderr}`));
    }, 45_000);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.includes(`inside ${stopAt}\n`)) killGroup();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(safety);
      if (signal === 'SIGKILL' && stdout.includes(`inside ${stopAt}`)) resolve();
      else reject(new Error(`the migrator ended (${signal ?? 'exit'}) outside migration ${stopAt}: ${stdout} ${stderr}`));
    });
  });
}

const versions = (database: BetterSqlite3.Database) => database.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
const SHIPPED_VERSIONS = SCHEMA_MIGRATIONS.map((migration) => migration.version);
const NOTES_VERSION = AGENT_NOTES_MIGRATION.version;

describe('a process killed inside a schema migration', () => {
  it('leaves a fresh database without a half-made schema; the next open migrates it fully', async () => {
    const dataDir = dataDirs.create();
    await killInsideMigration(dataDir, 1);

    const store = createSqliteEventStore({ dataDir });
    try {
      expect(versions(store.database)).toEqual(SHIPPED_VERSIONS);
      const appended = await store.append([fixtureCreated(1), fixtureEvent('interaction.offered', 1, { agentId: 'agent-ada' })]);
      expect(appended.map((event) => event.seq)).toEqual([1, 2]);
      expect(store.getInteraction('ix-1')?.state).toBe('offered');
    } finally {
      await store.close();
    }
  }, 60_000);

  it('keeps the data and the earlier schema when killed inside a later migration, which then applies once', async () => {
    const dataDir = dataDirs.create();
    const seeded = createSqliteEventStore({ dataDir });
    await seeded.append([fixtureCreated(1), fixtureCreated(2), fixtureEvent('interaction.offered', 1, { agentId: 'agent-ada' })]);
    const before = { tables: readProjectionTables(seeded.database), log: seeded.readAfter(0, 100) };
    await seeded.close();

    await killInsideMigration(dataDir, NOTES_VERSION, ['notes']);

    // The current build still opens it: the notes version was never recorded, and none of its changes stayed.
    const reopened = createSqliteEventStore({ dataDir });
    try {
      expect(versions(reopened.database)).toEqual(SHIPPED_VERSIONS);
      expect(reopened.database.prepare("SELECT name FROM pragma_table_info('agents') WHERE name = 'notes'").all()).toEqual([]);
      expect({ tables: readProjectionTables(reopened.database), log: reopened.readAfter(0, 100) }).toEqual(before);
    } finally {
      await reopened.close();
    }
    // The build that has the notes migration applies it in full, exactly once.
    const database = new BetterSqlite3(path.join(dataDir, 'icc.db'));
    try {
      expect(runSchemaMigrations(database, [...SCHEMA_MIGRATIONS, AGENT_NOTES_MIGRATION])).toEqual([NOTES_VERSION]);
      expect(versions(database)).toEqual([...SHIPPED_VERSIONS, NOTES_VERSION]);
      expect(database.prepare("SELECT name FROM pragma_table_info('agents') WHERE name = 'notes'").pluck().all()).toEqual(['notes']);
      expect(database.prepare('SELECT COUNT(*) FROM events').pluck().get()).toBe(3);
    } finally {
      database.close();
    }
  }, 60_000);
});
