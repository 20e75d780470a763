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
/** Syncs of the log asked for and not answered yet: a test answers them when it chooses. */
let pendingSyncs: { resolve(): void; reject(error: unknown): void }[];
let syncsAnswerThemselves: boolean;

beforeEach(() => {
  database = new BetterSqlite3(path.join(dataDirs.create(), 'group.db'));
  runSchemaMigrations(database);
  hookCalls = [];
  pendingSyncs = [];
  syncsAnswerThemselves = true;
  groupCommit = createGroupCommit(
    database,
    prepareSqliteStatements(database),
    { committed: () => hookCalls.push('committed'), aborted: () => hookCalls.push('aborted') },
    0,
    () =>
      syncsAnswerThemselves
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            pendingSyncs.push({ resolve, reject });
          }),
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

  it('flushes on demand, synchronously', async () => {
    const written = groupCommit.enqueue(() => saveQueue('q-1'));
    expect(queueIds()).toEqual([]);
    groupCommit.flush();
    expect(queueIds()).toEqual(['q-1']);
    groupCommit.flush();
    expect(groupCommit.commits()).toBe(1);
    await written;
  });

  it('commits nothing while paused, then everything queued meanwhile in one group once every pause has ended', async () => {
    const resumeFirst = groupCommit.pause();
    const resumeSecond = groupCommit.pause();
    const written = [groupCommit.enqueue(() => saveQueue('q-1')), groupCommit.enqueue(() => saveQueue('q-2'))];
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(queueIds()).toEqual([]);
    resumeFirst();
    resumeFirst(); // a second call of the same resume does not end the other pause
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(queueIds()).toEqual([]);
    resumeSecond();
    await Promise.all(written);
    expect(queueIds()).toEqual(['q-1', 'q-2']);
    expect(groupCommit.commits()).toBe(1);
  });

  it('flushes on demand even while paused (closing the store writes what is queued)', async () => {
    const resume = groupCommit.pause();
    const written = groupCommit.enqueue(() => saveQueue('q-1'));
    groupCommit.flush();
    expect(queueIds()).toEqual(['q-1']);
    await written;
    resume();
  });

  it('settles a committed group only once its sync is done, and one sync acknowledges the groups committed while the previous ran', async () => {
    syncsAnswerThemselves = false;
    const settled: string[] = [];
    const track = (name: string, write: Promise<unknown>) => write.then(() => settled.push(name));
    const first = track('first', groupCommit.enqueue(() => saveQueue('q-1')));
    groupCommit.flush();
    await flushPromises();
    expect(pendingSyncs).toHaveLength(1);
    expect(queueIds()).toEqual(['q-1']);

    const second = track('second', groupCommit.enqueue(() => saveQueue('q-2')));
    groupCommit.flush();
    const third = track('third', groupCommit.enqueue(() => saveQueue('q-3')));
    groupCommit.flush();
    await flushPromises();
    expect(groupCommit.commits()).toBe(3);
    expect(pendingSyncs).toHaveLength(1);
    expect(settled).toEqual([]);

    pendingSyncs.shift()?.resolve();
    await first;
    await flushPromises();
    expect(settled).toEqual(['first']);
    expect(pendingSyncs).toHaveLength(1);

    pendingSyncs.shift()?.resolve();
    await Promise.all([second, third]);
    expect(settled).toEqual(['first', 'second', 'third']);
    expect(groupCommit.syncs()).toBe(2);
  });

  it('rejects the writes waiting on a failed sync with storage_unavailable, and every later one, without writing them', async () => {
    syncsAnswerThemselves = false;
    const waiting = groupCommit.enqueue(() => saveQueue('q-1'));
    const refusedAlone = groupCommit.enqueue(() => {
      throw new Error('refused on its own');
    });
    groupCommit.flush();
    const durable = groupCommit.durable();
    await flushPromises();
    pendingSyncs.shift()?.reject(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    await expect(waiting).rejects.toMatchObject({ code: 'storage_unavailable', cause: { code: 'EIO' } });
    await expect(refusedAlone).rejects.toThrow('refused on its own');
    await expect(durable).rejects.toMatchObject({ code: 'storage_unavailable' });

    await expect(groupCommit.enqueue(() => saveQueue('q-2'))).rejects.toMatchObject({ code: 'storage_unavailable' });
    await expect(groupCommit.durable()).rejects.toMatchObject({ code: 'storage_unavailable' });
    expect(queueIds()).toEqual(['q-1']);
    expect(pendingSyncs).toHaveLength(0);
  });

  it('resolves durable() after a sync that started after the call', async () => {
    syncsAnswerThemselves = false;
    let durable = false;
    const done = groupCommit.durable().then(() => (durable = true));
    await flushPromises();
    expect(durable).toBe(false);
    pendingSyncs.shift()?.resolve();
    await done;
    expect(durable).toBe(true);
  });
});

const flushPromises = () => new Promise<void>((resolve) => setImmediate(resolve));
