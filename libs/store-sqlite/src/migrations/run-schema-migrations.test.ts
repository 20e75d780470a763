import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { createSqliteEventStore } from '../sqlite-event-store';
import { createTemporaryDataDirs } from '../temporary-data-dirs';
import { runSchemaMigrations } from './run-schema-migrations';
import type { SchemaMigration } from './schema-migration';
import { SCHEMA_MIGRATIONS } from './schema-migrations';

const dataDirs = createTemporaryDataDirs();
const databases: Database[] = [];
const openDatabase = () => {
  const database = new BetterSqlite3(path.join(dataDirs.create(), 'test.db'));
  databases.push(database);
  return database;
};
afterEach(() => {
  for (const database of databases.splice(0)) database.close();
});
afterAll(() => dataDirs.removeAll());

const versions = (database: Database) =>
  database.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();

const SHIPPED = SCHEMA_MIGRATIONS.map((migration) => ({ version: migration.version, name: migration.name }));
/** The version a future release would bring next. */
const NEXT_VERSION = Math.max(...SCHEMA_MIGRATIONS.map((migration) => migration.version)) + 1;

const addNotes: SchemaMigration = {
  version: NEXT_VERSION,
  name: 'agent-notes',
  up: (database) => database.exec('ALTER TABLE agents ADD COLUMN notes TEXT'),
};

describe('runSchemaMigrations', () => {
  it('numbers migrations from 1 without gaps', () => {
    const expected = Array.from({ length: SCHEMA_MIGRATIONS.length }, (_, index) => index + 1);
    expect(SCHEMA_MIGRATIONS.map((migration) => migration.version)).toEqual(expected);
  });

  it('applies each migration once, however often it runs', () => {
    const database = openDatabase();
    expect(runSchemaMigrations(database)).toEqual(SHIPPED.map((migration) => migration.version));
    expect(runSchemaMigrations(database)).toEqual([]);
    expect(versions(database)).toEqual(SHIPPED);
    expect(runSchemaMigrations(database, [...SCHEMA_MIGRATIONS, addNotes])).toEqual([NEXT_VERSION]);
    expect(runSchemaMigrations(database, [...SCHEMA_MIGRATIONS, addNotes])).toEqual([]);
    expect(versions(database)).toEqual([...SHIPPED, { version: NEXT_VERSION, name: 'agent-notes' }]);
  });

  it('rolls a failing migration back entirely and records nothing for it', () => {
    const database = openDatabase();
    runSchemaMigrations(database);
    const broken: SchemaMigration = {
      version: NEXT_VERSION,
      name: 'broken',
      up(target) {
        target.exec('CREATE TABLE half_done (id TEXT)');
        target.exec('ALTER TABLE no_such_table ADD COLUMN x TEXT');
      },
    };
    expect(() => runSchemaMigrations(database, [...SCHEMA_MIGRATIONS, broken])).toThrow(/no such table/);
    expect(versions(database)).toEqual(SHIPPED);
    expect(database.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
  });

  it('refuses a database migrated by a newer build', () => {
    const database = openDatabase();
    runSchemaMigrations(database, [...SCHEMA_MIGRATIONS, addNotes]);
    expect(() => runSchemaMigrations(database)).toThrow(expect.objectContaining({ code: 'storage_unavailable' }));
  });

  it('leaves a reopened store on the same schema', async () => {
    const dataDir = dataDirs.create();
    await createSqliteEventStore({ dataDir }).close();
    const reopened = createSqliteEventStore({ dataDir });
    expect(versions(reopened.database)).toEqual(SHIPPED);
    await reopened.close();
  });
});
