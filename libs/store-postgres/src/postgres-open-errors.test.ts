import pg from 'pg';
import { migration0001Initial } from './migrations/0001-initial';
import { runPostgresMigrations } from './migrations/run-postgres-migrations';
import { openPostgresEventStore } from './postgres-event-store';
import { assertSupportedServerVersion } from './server-version';
import { freePort } from './testing/throwaway-postgres';
import { onTestCluster, queryDatabase, useTestDatabases } from './testing/test-databases';

const databases = useTestDatabases();
const oneLine = (message: string) => expect(message).not.toContain('\n');

describe('opening the PostgreSQL store: one-line errors', () => {
  it('refuses a URL that is not a PostgreSQL URL, before connecting', async () => {
    for (const url of ['not a url', 'mysql://u@host/db', 'postgres://host-only']) {
      const failure = openPostgresEventStore({ url });
      await expect(failure).rejects.toMatchObject({ code: 'storage_unavailable' });
      await failure.catch((error: Error) => oneLine(error.message));
    }
    await expect(openPostgresEventStore({ url: 'mysql://u@host/db' })).rejects.toThrow(/must start with postgres:\/\//);
  });

  it('names the server it cannot reach, never the password', async () => {
    const port = await freePort();
    const failure = openPostgresEventStore({ url: `postgres://icc:s3cret@127.0.0.1:${port}/icc`, connectTimeoutMs: 2_000 });
    await expect(failure).rejects.toMatchObject({ code: 'storage_unavailable' });
    const message = await failure.catch((error: Error) => error.message);
    expect(message).toMatch(new RegExp(`^Cannot reach PostgreSQL at 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`));
    expect(message).not.toContain('s3cret');
    oneLine(String(message));
  });

  it('refuses a server older than PostgreSQL 15 from its server_version_num', () => {
    expect(assertSupportedServerVersion('150018')).toBe(150018);
    expect(assertSupportedServerVersion('160004')).toBe(160004);
    expect(() => assertSupportedServerVersion('140011')).toThrow('PostgreSQL 14 is too old: the event store needs PostgreSQL 15 or newer');
    expect(() => assertSupportedServerVersion('90624')).toThrow('PostgreSQL 9.6 is too old');
    expect(() => assertSupportedServerVersion('')).toThrow(expect.objectContaining({ code: 'storage_unavailable' }));
  });

  it('explains a role that may not create the tables, and what to grant', async () => {
    const url = new URL(await databases.create());
    const role = `icc_reader_${process.pid}`;
    await onTestCluster(async (client) => {
      await client.query(`DROP ROLE IF EXISTS ${role}`);
      await client.query(`CREATE ROLE ${role} LOGIN`);
    });
    try {
      url.username = role;
      const failure = openPostgresEventStore({ url: url.toString() });
      await expect(failure).rejects.toMatchObject({ code: 'storage_unavailable' });
      const message = await failure.catch((error: Error) => error.message);
      expect(message).toMatch(new RegExp(`^Role "${role}" may not create the event store's tables in database "${url.pathname.slice(1)}"`));
      expect(message).toContain(`GRANT CREATE ON SCHEMA public TO "${role}"`);
      oneLine(String(message));
    } finally {
      await onTestCluster(async (client) => {
        await client.query(`DROP OWNED BY ${role}`).catch(() => undefined);
        await client.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
      });
    }
  });

  it('names a database that does not exist', async () => {
    const url = new URL(await databases.create());
    url.pathname = '/no_such_database';
    await expect(openPostgresEventStore({ url: url.toString() })).rejects.toThrow(/^Database "no_such_database" does not exist on 127\.0\.0\.1:\d+/);
  });
});

describe('migrations', () => {
  it('run once when three stores open an empty database at the same time', async () => {
    const url = await databases.create();
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresEventStore({ url, poolSize: 2 })));
    try {
      const applied = (await queryDatabase<{ version: number }>(url, 'SELECT version FROM schema_migrations ORDER BY version')).map((row) => row.version);
      expect(applied).toEqual([1, 2, 3, 4]);
      await stores[0]?.append([]);
      expect(await stores[2]?.headSeq()).toBe(0);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('bring a database of an older build (schema 1) up to the newest schema, keeping its log', async () => {
    const url = await databases.create();
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      const client = await pool.connect();
      try {
        expect(await runPostgresMigrations(client, [migration0001Initial])).toEqual([1]);
      } finally {
        client.release();
      }
    } finally {
      await pool.end();
    }
    await queryDatabase(url, `INSERT INTO events (seq, type, at, body) VALUES (1, 'agent.presence_changed', '2026-03-10T09:00:00Z', '{}')`);
    const store = await openPostgresEventStore({ url, poolSize: 2 });
    try {
      expect((await queryDatabase<{ version: number }>(url, 'SELECT version FROM schema_migrations ORDER BY version')).map((row) => row.version)).toEqual([1, 2, 3, 4]);
      expect(await store.headSeq()).toBe(1);
      await store.webhookSubscriptions.create({ id: 'whs_a', url: 'https://hooks.example.com/icc', eventTypes: ['callback.created'], createdAt: '2026-03-10T09:00:00.000Z', secret: 's', cursorSeq: 1 });
      expect((await store.webhookSubscriptions.list()).map((subscription) => subscription.cursorSeq)).toEqual([1]);
    } finally {
      await store.close();
    }
  });
});
