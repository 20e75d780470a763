// `npm start -- --store postgres`: a PostgreSQL 15 cluster of this checkout in $ICC_DATA_DIR/pg
// (default ./data/pg, gitignored), started the way the tests start theirs (the shared
// local-postgres-cluster module) but kept between runs, with a database `icc` for the gateway.
// `npm run start:cluster`: a throwaway one, the same way, without fsync.
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isAlive } from './start-run-output.mjs';
import {
  LocalPostgresError,
  assertPostgresInstalled,
  localPostgresCluster,
  startOnFreePort,
} from '../../libs/store-postgres/src/cluster/local-postgres-cluster.mjs';

export const DEV_DATABASE = 'icc';
/** Which `npm start` runs the server: a second start must not stop it, a killed one's server is stopped. */
const OWNER_FILE = 'npm-start.pid';


function ownerOf(dir) {
  try {
    return Number(readFileSync(join(dir, OWNER_FILE), 'utf8')) || undefined;
  } catch {
    return undefined;
  }
}

/** Creates the gateway's database unless it exists (client tools over TCP: trust auth on loopback). */
async function ensureDatabase(binDir, port) {
  const connection = ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres'];
  const exists = await promisify(execFile)(join(binDir, 'psql'), [
    ...connection,
    '-d', 'postgres', '-XtAc', `SELECT 1 FROM pg_database WHERE datname = '${DEV_DATABASE}'`,
  ]);
  if (exists.stdout.trim() !== '1') await promisify(execFile)(join(binDir, 'createdb'), [...connection, DEV_DATABASE]);
}

/** The database `icc` on the server at `port`, as the gateway's store URL. */
const databaseUrl = (port) => `postgres://postgres@127.0.0.1:${port}/${DEV_DATABASE}`;

/**
 * A new cluster in `dir` (an empty directory the postgres user can reach, removed by the caller) on
 * a free loopback port, fsync off: nothing in it is kept. Resolves `{ url, stop, stopSync }`.
 */
/** @param {{ dir: string, binDir: string }} options */
export async function startThrowawayPostgres({ dir, binDir }) {
  assertPostgresInstalled(binDir);
  const cluster = localPostgresCluster({ dir, binDir });
  await cluster.init({ sync: false });
  const port = await startOnFreePort(cluster, { settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } });
  const handle = { url: databaseUrl(port), dir, logFile: cluster.logFile, stop: () => cluster.stop(), stopSync: () => cluster.stopSync() };
  await createDatabaseOrStop(binDir, port, handle);
  return handle;
}

async function createDatabaseOrStop(binDir, port, handle) {
  try {
    await ensureDatabase(binDir, port);
  } catch (error) {
    await handle.stop();
    throw new LocalPostgresError(`could not create the database ${DEV_DATABASE}: ${`${error.stderr ?? error.message}`.trim().split('\n')[0]}`, 'start_failed');
  }
}

/**
 * Starts the cluster in `dir` (creating it on the first run) on a free loopback port and resolves
 * `{ url, created, stop, stopSync }`. A server an earlier, killed `npm start` left running is
 * stopped first; one a live `npm start` runs is refused. Fsync stays on: this data is kept.
 */
/** @param {{ dir: string, binDir: string, log?: (line: string) => void }} options */
export async function startDevPostgres({ dir, binDir, log = () => undefined }) {
  assertPostgresInstalled(binDir);
  const cluster = localPostgresCluster({ dir, binDir });
  if (cluster.isRunning()) {
    const owner = ownerOf(dir);
    if (owner && owner !== process.pid && isAlive(owner)) {
      throw new LocalPostgresError(`${dir} is in use by another npm start --store postgres (pid ${owner}): stop that one first`, 'already_running');
    }
    log(`Stopping the PostgreSQL server an earlier npm start${owner ? ` (pid ${owner})` : ''} left running in ${dir}…`);
    await cluster.stop();
  }
  const created = await cluster.init();
  const port = await startOnFreePort(cluster);
  writeFileSync(join(dir, OWNER_FILE), String(process.pid));
  let stopped = false;
  const forget = () => {
    stopped = true;
    rmSync(join(dir, OWNER_FILE), { force: true });
  };
  const handle = {
    url: databaseUrl(port),
    created,
    dir,
    logFile: cluster.logFile,
    async stop() {
      if (stopped) return;
      await cluster.stop();
      forget();
    },
    stopSync() {
      if (stopped) return;
      cluster.stopSync();
      forget();
    },
  };
  await createDatabaseOrStop(binDir, port, handle);
  return handle;
}
