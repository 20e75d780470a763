import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Set by the Jest globalSetup: the maintenance database of the run's throwaway cluster. */
export const TEST_POSTGRES_URL_VARIABLE = 'ICC_TEST_POSTGRES_URL';

export function testPostgresUrl(): string {
  const url = process.env[TEST_POSTGRES_URL_VARIABLE];
  if (!url) throw new Error(`${TEST_POSTGRES_URL_VARIABLE} is not set: add libs/store-postgres/src/testing/jest-global-setup.ts as the Jest globalSetup`);
  return url;
}

/** Runs one statement on the cluster's maintenance database (as the superuser). */
export async function onTestCluster<Result>(work: (client: pg.Client) => Promise<Result>): Promise<Result> {
  const client = new pg.Client(testPostgresUrl());
  // A server going away while connected must reject the query, not crash the test process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Databases for one test file on the run's cluster: `create()` makes an empty one and returns its
 * URL; `afterAll` drops every one made (FORCE ends connections a failed test left open).
 */
export function useTestDatabases() {
  const created: string[] = [];
  afterAll(async () => {
    const names = created.splice(0);
    if (names.length === 0) return;
    await onTestCluster(async (client) => {
      for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });
  }, 120_000);
  return {
    async create(): Promise<string> {
      // Generated from [a-z0-9_] only: identifiers cannot be bound as parameters.
      const name = `icc_test_${process.pid}_${randomBytes(4).toString('hex')}`;
      await onTestCluster((client) => client.query(`CREATE DATABASE ${name}`));
      created.push(name);
      const url = new URL(testPostgresUrl());
      url.pathname = `/${name}`;
      return url.toString();
    },
  };
}

/** One query on one database, on a connection of its own (not the store's pool). */
export async function queryDatabase<Row extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client(url);
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query<Row>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Waits until a backend of `database` other than `exceptPid` waits on a lock; returns its pid. */
export async function blockedBackend(url: string, exceptPid: number): Promise<number> {
  for (let tries = 0; tries < 200; tries += 1) {
    const rows = await queryDatabase<{ pid: number }>(
      url,
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> $1",
      [exceptPid],
    );
    if (rows[0]) return rows[0].pid;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no backend blocked');
}
