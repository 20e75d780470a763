import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { createGroupCommit } from './group-commit';
import { runSchemaMigrations } from './migrations/run-schema-migrations';
import { prepareSqliteStatements } from './sqlite-statements';
import { createTemporaryDataDirs } from './temporary-data-dirs';

const dataDirs = createTemporaryDataDirs();
let database: Database;
let hookCalls: string[];
let groupCommit: ReturnType<typeof createGroupCommit>;

beforeEach(() => {
  database = new BetterSqlite3(path.join(dataDirs.create(), 'group.db'));
  runSchemaMigrations(database);
  hookCalls = [];
  groupCommit = createGroupCommit(
    database,
    prepareSqliteStatements(database),
    { committed: () => hookCalls.push('committed'), aborted: () => hookCalls.push('aborted') },
    0,
  );
});
afterEach(() => database.close());
afterAll(() => dataDirs.removeAll());

const saveQueue = (id: string) => database.prepare('INSERT INTO queues (id, body) VALUES (?, ?)').run(id, '{}');
const queueIds = () => database.prepare<[], { id: string }>('SELECT id FROM queues ORDER BY id').all().map((row) => row.id);

describe('createGroupCommit', () => {
  it('rolls back only the writes of a write that throws halfway, in the same transaction as the others', async () => {
    const outcomes = await Promise.allSettled([
      groupCommit.enqueue(() => saveQueue('q-1')),
      groupCommit.enqueue(() => {
        saveQueue('q-2');
        throw new Error('refused after writing');
      }),
      groupCommit.enqueue(() => {
        saveQueue('q-3');
        return 'third';
      }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[1]).toMatchObject({ reason: { message: 'refused after writing' } });
    expect(outcomes[2]).toEqual({ status: 'fulfilled', value: 'third' });
    expect(queueIds()).toEqual(['q-1', 'q-3']);
    expect(groupCommit.commits()).toBe(1);
    expect(hookCalls).toEqual(['committed']);
  });

  it('aborts the whole group on a storage failure and reports it as storage_unavailable', async () => {
    database.pragma('query_only = ON');
    const outcomes = await Promise.allSettled([groupCommit.enqueue(() => saveQueue('q-1')), groupCommit.enqueue(() => saveQueue('q-2'))]);
    expect(outcomes).toMatchObject([
      { status: 'rejected', reason: { code: 'storage_unavailable' } },
      { status: 'rejected', reason: { code: 'storage_unavailable' } },
    ]);
    database.pragma('query_only = OFF');
    expect(queueIds()).toEqual([]);
    expect(hookCalls).toEqual(['aborted']);
    expect(database.inTransaction).toBe(false);
    await groupCommit.enqueue(() => saveQueue('q-1'));
    expect(queueIds()).toEqual(['q-1']);
  });

  it('flushes on demand, synchronously', () => {
    void groupCommit.enqueue(() => saveQueue('q-1'));
    expect(queueIds()).toEqual([]);
    groupCommit.flush();
    expect(queueIds()).toEqual(['q-1']);
    groupCommit.flush();
    expect(groupCommit.commits()).toBe(1);
  });
});
