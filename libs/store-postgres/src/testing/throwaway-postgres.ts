import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  assertPostgresInstalled,
  freePort,
  localPostgresCluster,
  postgresBinDir,
  startOnFreePort,
} from '../cluster/local-postgres-cluster.mjs';

export { freePort };

/** Where Debian's `postgresql-15` package puts the server binaries; `ICC_PG_BIN` overrides it. */
export const POSTGRES_BIN_DIR = postgresBinDir();

export interface ThrowawayPostgres {
  /** Root of the cluster (data, socket, log); removed by `stop`. */
  readonly dir: string;
  readonly port: number;
  /** `postgres://postgres@127.0.0.1:<port>/<database>` (trust auth: a throwaway cluster on loopback). */
  url(database?: string): string;
  /** Creates an empty database (name of `[a-z0-9_]` only) and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): void;
  /** Stops the server (fast shutdown: clients are cut off) but keeps the data; the event loop keeps running meanwhile. */
  pause(): Promise<void>;
  /** Starts it again on the same port and data. */
  resume(): Promise<void>;
}

export interface ThrowawayPostgresOptions {
  /**
   * Keep the server's durable defaults (`fsync`, `full_page_writes` on): every COMMIT waits for its
   * WAL flush, as on a production server. The benchmark needs this; tests do not (default false).
   */
  durable?: boolean;
}

/**
 * Starts a fresh PostgreSQL cluster in a temporary directory on a free loopback port (the shared
 * `local-postgres-cluster.mjs`, which `npm start -- --store postgres` runs too). `fsync=off`
 * unless `durable`: a throwaway cluster never survives a machine crash anyway, and every CREATE/DROP
 * DATABASE would otherwise wait for a checkpoint's fsyncs (seconds each on a busy disk). Stops are
 * clean (fast shutdown), so the restart tests still see exactly what was committed.
 */
export async function startThrowawayPostgres(options: ThrowawayPostgresOptions = {}): Promise<ThrowawayPostgres> {
  assertPostgresInstalled(POSTGRES_BIN_DIR);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icc-pg-'));
  const cluster = localPostgresCluster({ dir, binDir: POSTGRES_BIN_DIR });
  const settings: Record<string, string> = options.durable ? {} : { fsync: 'off', full_page_writes: 'off' };
  const serverOptions = { socketDir: dir, settings };
  let port: number;
  try {
    await cluster.init({ sync: false });
    port = await startOnFreePort(cluster, serverOptions);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    dir,
    port,
    url,
    async createDatabase(name) {
      // An identifier cannot be a bound parameter: only names that need no quoting.
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
      const client = new pg.Client(url());
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    pause: () => cluster.stop(),
    resume: () => cluster.start({ ...serverOptions, port }),
    stop() {
      try {
        cluster.stopSync();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
