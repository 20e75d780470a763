import path from 'node:path';
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { exampleQueueConfig } from '@icc/protocol';
import { fixtureCreated, fixtureEvent, fixturePresence } from '@icc/core/testing';
import { createSqliteEventStore, type SqliteEventStore } from './sqlite-event-store';
import { DEFAULT_DATA_DIR, DEFAULT_FILE_NAME } from './open-sqlite-database';
import { createTemporaryDataDirs } from './temporary-data-dirs';

const dataDirs = createTemporaryDataDirs();

/** Events in the database file alone (a copy of it without its log): what checkpoints copied there. */
function countEventsWithoutLog(filePath: string): number {
  const copy = path.join(dataDirs.create(), 'copy.db');
  fs.copyFileSync(filePath, copy);
  const database = new BetterSqlite3(copy, { readonly: true });
  try {
    // Before the first checkpoint even the schema is only in the log.
    if (!database.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get()) return 0;
    return (database.prepare('SELECT COUNT(*) AS count FROM events').get() as { count: number }).count;
  } finally {
    database.close();
  }
}
const open: SqliteEventStore[] = [];
const openStore = (options: Parameters<typeof createSqliteEventStore>[0]) => {
  const store = createSqliteEventStore(options);
  open.push(store);
  return store;
};
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
});
afterAll(() => dataDirs.removeAll());

describe('createSqliteEventStore', () => {
  it('creates the data directory and opens the file in WAL mode, commits not waiting on the disk (the store syncs the log itself)', () => {
    expect([DEFAULT_DATA_DIR, DEFAULT_FILE_NAME]).toEqual(['./data', 'icc.db']);
    const dataDir = path.join(dataDirs.create(), 'nested', 'data');
    const store = openStore({ dataDir });
    expect(store.filePath).toBe(path.join(dataDir, 'icc.db'));
    expect(fs.existsSync(store.filePath)).toBe(true);
    expect(store.database.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.database.pragma('synchronous', { simple: true })).toBe(0);
    expect(store.database.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    expect(openStore({ dataDir, fileName: 'other.db' }).filePath).toBe(path.join(dataDir, 'other.db'));
  });

  it('acknowledges appends after syncing the log, and checkpoints it from its own thread, the last write of a burst too', async () => {
    const store = openStore({ dataDir: dataDirs.create() });
    await store.append([fixtureCreated(1)]);
    await store.append([fixtureEvent('interaction.offered', 1)]);
    expect(store.stats()).toMatchObject({ commits: 2, syncs: 2 });
    // Both asked for a checkpoint within 200 ms of the store's opening: one runs once they have passed, with no write after them.
    // The thread copies the pages before its answer reaches this one: wait for both.
    let eventsInDatabaseFile = 0;
    for (let waited = 0; (eventsInDatabaseFile < 2 || store.stats().checkpoints === 0) && waited < 5_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      eventsInDatabaseFile = countEventsWithoutLog(store.filePath);
    }
    expect(eventsInDatabaseFile).toBe(2);
    expect(store.stats().checkpoints).toBeGreaterThanOrEqual(1);
  });

  it('writes the log from its start again once checkpointed, while appends never stop (SQLite\'s own header counts the restarts)', async () => {
    const store = openStore({ dataDir: dataDirs.create(), logRestartFrames: 32 });
    const logPath = `${store.filePath}-wal`;
    /** Bytes 12-15 of the log's header: SQLite's checkpoint sequence number, one more at each restart. */
    const restartsInHeader = () => {
      const header = Buffer.alloc(32);
      const descriptor = fs.openSync(logPath, 'r');
      try {
        fs.readSync(descriptor, header, 0, 32, 0);
      } finally {
        fs.closeSync(descriptor);
      }
      return header.readUInt32BE(12);
    };
    await store.append([fixtureCreated(1)]);
    const before = restartsInHeader();
    const appenders = Array.from({ length: 4 }, (_, appender) =>
      (async () => {
        for (let n = 10 + appender; store.stats().logRestarts < 3; n += 4) await store.append([fixtureCreated(n), fixtureEvent('interaction.offered', n)]);
      })(),
    );
    const stopped = new Promise((_, reject) => setTimeout(() => reject(new Error('the log did not restart 3 times in 20 s')), 20_000).unref());
    await Promise.race([Promise.all(appenders), stopped]);
    expect(restartsInHeader() - before).toBeGreaterThanOrEqual(3);
    expect(store.logFileBytes()).toBe(fs.statSync(logPath).size);
    // Nothing was lost across the restarts: the log is gap-free and the read models equal a rebuild.
    const log = store.readAfter(0, 1_000_000);
    expect(log.map((event) => event.seq)).toEqual(log.map((_, index) => index + 1));
    const incremental = store.openInteractions();
    store.rebuildProjections();
    expect(store.openInteractions()).toEqual(incremental);
  }, 30_000);

  it('reports how long each sync of the log took, once per sync, until unsubscribed', async () => {
    const store = openStore({ dataDir: dataDirs.create() });
    const synced: number[] = [];
    const unsubscribe = store.onLogSynced((seconds) => synced.push(seconds));
    await Promise.all([store.append([fixtureCreated(1)]), store.append([fixtureCreated(2)])]);
    expect(synced).toHaveLength(store.stats().syncs);
    expect(synced.every((seconds) => seconds > 0 && seconds < 60)).toBe(true);
    unsubscribe();
    await store.append([fixtureEvent('interaction.offered', 1)]);
    expect(synced).toHaveLength(store.stats().syncs - 1);
  });

  it('acknowledges appends even when a sync listener throws', async () => {
    const store = openStore({ dataDir: dataDirs.create() });
    store.onLogSynced(() => {
      throw new Error('observer broke');
    });
    await expect(store.append([fixtureCreated(1)])).resolves.toHaveLength(1);
    await expect(store.append([fixtureEvent('interaction.offered', 1)])).resolves.toHaveLength(1);
  });

  it('looks interactions up by the vendor\'s id through an index', () => {
    const store = openStore({ dataDir: dataDirs.create() });
    const plan = store.database
      .prepare('EXPLAIN QUERY PLAN SELECT id FROM interactions WHERE vendor_ref = ?')
      .all('conv-a') as Array<{ detail: string }>;
    expect(plan.map((row) => row.detail).join('\n')).toContain('interactions_by_vendor_ref');
  });

  it('keeps statement journals (savepoints) in memory', () => {
    const store = openStore({ dataDir: dataDirs.create() });
    expect(store.database.pragma('temp_store', { simple: true })).toBe(2);
  });

  it('keeps log, read models, configuration and callback numbers across close and reopen', async () => {
    const dataDir = dataDirs.create();
    const first = createSqliteEventStore({ dataDir });
    await first.saveQueue(exampleQueueConfig());
    await first.saveQueue(exampleQueueConfig({ name: 'Support v2' }), { expectedVersion: 1, changedBy: 'supervisor-sam', at: Date.parse('2026-03-10T14:00:00Z') });
    await first.saveQueue(exampleQueueConfig({ id: 'q-gone' }));
    await first.removeQueue('q-gone', { expectedVersion: 1 });
    await first.saveAgent({ id: 'agent-ada', displayName: 'Ada', role: 'agent', queueIds: ['q-support'] });
    await first.append([fixturePresence('agent-ada', 'available', '2026-03-10T14:00:00Z'), fixtureCreated(1, { idempotencyKey: 'k-1', requestHash: 'h-1' })]);
    await first.append([fixtureEvent('interaction.offered', 1), fixtureEvent('interaction.accepted', 1)]);
    expect([await first.nextCallbackNumber(), await first.nextCallbackNumber()]).toEqual([1, 2]);
    const before = {
      log: first.readAfter(0, 100),
      interaction: first.getInteraction('ix-1'),
      callbacks: first.listCallbacks({ limit: 10 }),
      agents: first.listAgents(),
      queues: first.listQueues(),
      queueVersions: [first.getQueue('q-support', 1), first.getQueue('q-support', 2), first.getQueue('q-gone', 1)],
      revisions: [first.listQueueRevisions('q-support'), first.listQueueRevisions('q-gone')],
      stats: first.queueStats(Date.parse('2026-03-10T15:00:00Z')),
      idempotency: first.findCallbackByIdempotencyKey('k-1'),
    };
    await first.close();

    const reopened = openStore({ dataDir });
    expect(reopened.headSeq()).toBe(4);
    expect({
      log: reopened.readAfter(0, 100),
      interaction: reopened.getInteraction('ix-1'),
      callbacks: reopened.listCallbacks({ limit: 10 }),
      agents: reopened.listAgents(),
      queues: reopened.listQueues(),
      queueVersions: [reopened.getQueue('q-support', 1), reopened.getQueue('q-support', 2), reopened.getQueue('q-gone', 1)],
      revisions: [reopened.listQueueRevisions('q-support'), reopened.listQueueRevisions('q-gone')],
      stats: reopened.queueStats(Date.parse('2026-03-10T15:00:00Z')),
      idempotency: reopened.findCallbackByIdempotencyKey('k-1'),
    }).toEqual(before);
    expect(before.queues.map((queue) => [queue.id, queue.name, queue.version])).toEqual([['q-support', 'Support v2', 2]]);
    expect(before.revisions[1]?.map((revision) => revision.removed)).toEqual([false, true]);
    await expect(reopened.saveQueue(exampleQueueConfig(), { expectedVersion: 1 })).rejects.toMatchObject({ code: 'version_conflict' });
    expect(await reopened.nextCallbackNumber()).toBe(3);
    expect((await reopened.append([fixtureEvent('interaction.closed', 1, { outcome: 'cancelled', by: 'api' })]))[0]?.seq).toBe(5);
  });

  it('reads persisted read models on open instead of replaying the log', async () => {
    const dataDir = dataDirs.create();
    const first = createSqliteEventStore({ dataDir });
    await first.append([fixtureCreated(1), fixtureEvent('interaction.offered', 1)]);
    const interaction = first.getInteraction('ix-1');
    // Drop the log behind the store's back: a replaying store would now know nothing.
    first.database.exec('DELETE FROM events');
    await first.close();
    const reopened = openStore({ dataDir });
    expect(reopened.getInteraction('ix-1')).toEqual(interaction);
    expect(reopened.getCallback('cb-1')?.state).toBe('in-progress');
  });

  it('writes concurrent appends of one tick in one transaction, each resolving with its own events', async () => {
    const store = openStore({ dataDir: dataDirs.create() });
    const commitsBefore = store.stats().commits;
    const appended = await Promise.all(Array.from({ length: 100 }, (_, index) => store.append([fixtureCreated(index + 1)])));
    const commits = store.stats().commits - commitsBefore;
    expect(commits).toBeGreaterThanOrEqual(1);
    expect(commits).toBeLessThanOrEqual(5);
    expect(appended.map(([event]) => event?.seq)).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));
    expect(store.headSeq()).toBe(100);
  });

  it('groups appends across ticks within groupCommitMs, and close() flushes what is pending', async () => {
    const dataDir = dataDirs.create();
    const store = createSqliteEventStore({ dataDir, groupCommitMs: 60_000 });
    const first = store.append([fixtureCreated(1)]);
    await new Promise((resolve) => setImmediate(resolve));
    const second = store.append([fixtureCreated(2)]);
    const number = store.nextCallbackNumber();
    expect(store.headSeq()).toBe(0);
    await store.close();
    expect([(await first)[0]?.seq, (await second)[0]?.seq, await number]).toEqual([1, 2, 1]);
    expect(store.stats().commits).toBe(1);
    const reopened = openStore({ dataDir });
    expect(reopened.readAfter(0, 10).map((event) => event.seq)).toEqual([1, 2]);
  });

  it('does not acknowledge an append before it is committed', async () => {
    const store = openStore({ dataDir: dataDirs.create() });
    let acknowledged = false;
    const pending = store.append([fixtureCreated(1)]).then(() => {
      acknowledged = true;
    });
    expect(store.getInteraction('ix-1')).toBeUndefined();
    expect(acknowledged).toBe(false);
    await pending;
    expect(store.getInteraction('ix-1')?.state).toBe('queued');
  });

  it('refuses a data file it cannot open with storage_unavailable', () => {
    const dataDir = dataDirs.create();
    fs.mkdirSync(path.join(dataDir, 'icc.db'));
    expect(() => createSqliteEventStore({ dataDir })).toThrow(expect.objectContaining({ code: 'storage_unavailable' }));
  });
});
