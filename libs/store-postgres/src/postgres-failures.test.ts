import pg from 'pg';
import { fixtureCreated, fixturePresence } from '@icc/core/testing';
import { openPostgresEventStore, type PostgresEventStore } from './postgres-event-store';
import { blockedBackend, queryDatabase, useTestDatabases } from './testing/test-databases';

const databases = useTestDatabases();

/**
 * Starts an append of [created(1), presence(agent-ada)] that writes its event and interaction
 * rows, then blocks on a row lock held by another session; terminates its backend there.
 */
async function terminateAppendMidTransaction(url: string, store: PostgresEventStore) {
  const blocker = new pg.Client(url);
  blocker.on('error', () => undefined);
  await blocker.connect();
  try {
    await blocker.query('BEGIN');
    await blocker.query("INSERT INTO agents (id) VALUES ('agent-ada')");
    const blockerPid = (await blocker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid ?? 0;
    const appending = store.append([fixtureCreated(1), fixturePresence('agent-ada', 'available', '2026-03-10T14:00:00Z')]);
    const victim = await blockedBackend(url, blockerPid);
    const [terminated] = await queryDatabase<{ done: boolean }>(url, 'SELECT pg_terminate_backend($1) AS done', [victim]);
    expect(terminated?.done).toBe(true);
    await blocker.query('ROLLBACK');
    return await appending.then(
      (events) => ({ events, error: undefined }),
      (error: unknown) => ({ events: undefined, error }),
    );
  } finally {
    await blocker.end();
  }
}

describe('PostgreSQL store: a connection terminated mid-transaction', () => {
  it('retries the append on a new connection: written exactly once', async () => {
    const url = await databases.create();
    const store = await openPostgresEventStore({ url, poolSize: 2 });
    try {
      const { events, error } = await terminateAppendMidTransaction(url, store);
      expect(error).toBeUndefined();
      expect(events?.map((event) => event.seq)).toEqual([1, 2]);
      expect((await store.readAfter(0, 10)).map((event) => event.seq)).toEqual([1, 2]);
      expect(await queryDatabase(url, 'SELECT id FROM interactions')).toEqual([{ id: 'ix-1' }]);
    } finally {
      await store.close();
    }
  });

  it('without retries answers storage_unavailable and leaves nothing half-written', async () => {
    const url = await databases.create();
    const store = await openPostgresEventStore({ url, poolSize: 2, transactionAttempts: 1 });
    try {
      const { error } = await terminateAppendMidTransaction(url, store);
      expect(error).toMatchObject({ code: 'storage_unavailable' });
      expect(await store.headSeq()).toBe(0);
      for (const table of ['events', 'interactions', 'callbacks', 'agents']) {
        expect({ table, rows: await queryDatabase(url, `SELECT * FROM ${table}`) }).toEqual({ table, rows: [] });
      }
      // The store carries on: the pool replaced the dead connection.
      expect((await store.append([fixtureCreated(1)]))[0]?.seq).toBe(1);
    } finally {
      await store.close();
    }
  });
});

describe('PostgreSQL store: two stores on one database', () => {
  it('keep seq gap-free and ordered, and a reader never sees N+1 before N', async () => {
    const url = await databases.create();
    const [left, right] = await Promise.all([openPostgresEventStore({ url, poolSize: 3 }), openPostgresEventStore({ url, poolSize: 3 })]);
    if (!left || !right) throw new Error('stores did not open');
    const PER_STORE = 40;
    let loading = true;
    const gaps: string[] = [];
    const reader = (async () => {
      let seen = 0;
      while (loading) {
        for (const event of await left.readAfter(seen, 1_000)) {
          if (event.seq !== seen + 1) gaps.push(`${seen} -> ${event.seq}`);
          seen = event.seq;
        }
      }
    })();
    try {
      const run = (store: PostgresEventStore, first: number) =>
        Promise.all(Array.from({ length: PER_STORE }, (_, index) => store.append([fixtureCreated(first + index)])));
      const [fromLeft, fromRight] = await Promise.all([run(left, 1), run(right, 1 + PER_STORE)]);
      loading = false;
      await reader;
      for (const results of [fromLeft, fromRight]) {
        const seqs = results.map(([event]) => event?.seq ?? 0);
        seqs.forEach((seq, index) => index > 0 && expect(seq).toBeGreaterThan(seqs[index - 1] as number));
      }
      const log = await right.readAfter(0, 1_000);
      expect(log.map((event) => event.seq)).toEqual(Array.from({ length: 2 * PER_STORE }, (_, index) => index + 1));
      expect(new Set(log.map((event) => event.type === 'interaction.created' && event.interactionId)).size).toBe(2 * PER_STORE);
      expect(gaps).toEqual([]);
    } finally {
      loading = false;
      await reader.catch(() => undefined);
      await Promise.all([left.close(), right.close()]);
    }
  });
});
