import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

/** Where Debian's `postgresql-15` package puts the server binaries; `ICC_PG_BIN` overrides it. */
export const POSTGRES_BIN_DIR = process.env['ICC_PG_BIN'] ?? '/usr/lib/postgresql/15/bin';

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

/** Free TCP port on loopback (asked from the kernel, then released for the server to take). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** initdb/pg_ctl refuse to run as root: as root, run them as the `postgres` user. */
function serverUserCommand(binary: string, args: string[]): [string, string[]] {
  const command = path.join(POSTGRES_BIN_DIR, binary);
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}
function runAsServerUser(binary: string, args: string[]): void {
  execFileSync(...serverUserCommand(binary, args), { stdio: 'pipe' });
}
async function runAsServerUserAsync(binary: string, args: string[]): Promise<void> {
  await promisify(execFile)(...serverUserCommand(binary, args));
}

export interface ThrowawayPostgresOptions {
  /**
   * Keep the server's durable defaults (`fsync`, `full_page_writes` on): every COMMIT waits for its
   * WAL flush, as on a production server. The benchmark needs this; tests do not (default false).
   */
  durable?: boolean;
}

/**
 * Starts a fresh PostgreSQL cluster in a temporary directory on a free loopback port. `fsync=off`
 * unless `durable`: a throwaway cluster never survives a machine crash anyway, and every CREATE/DROP
 * DATABASE would otherwise wait for a checkpoint's fsyncs (seconds each on a busy disk). Stops are
 * clean (fast shutdown), so the restart tests still see exactly what was committed.
 */
export async function startThrowawayPostgres(options: ThrowawayPostgresOptions = {}): Promise<ThrowawayPostgres> {
  if (!fs.existsSync(path.join(POSTGRES_BIN_DIR, 'initdb'))) {
    throw new Error(`PostgreSQL 15 binaries not found in ${POSTGRES_BIN_DIR}: apt-get install postgresql (Debian 12), or set ICC_PG_BIN`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icc-pg-'));
  fs.chmodSync(dir, 0o755);
  if (typeof process.getuid === 'function' && process.getuid() === 0) execFileSync('chown', ['postgres:postgres', dir]);
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  const unsafe = options.durable ? '' : ' -c fsync=off -c full_page_writes=off';
  const startArgs = ['-D', dataDir, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${unsafe}`, 'start'];
  const stopArgs = ['-D', dataDir, '-m', 'fast', '-w', 'stop'];
  try {
    runAsServerUser('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']);
    runAsServerUser('pg_ctl', startArgs);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  let running = true;
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
    async pause() {
      await runAsServerUserAsync('pg_ctl', stopArgs);
      running = false;
    },
    async resume() {
      await runAsServerUserAsync('pg_ctl', startArgs);
      running = true;
    },
    stop() {
      try {
        if (running) runAsServerUser('pg_ctl', stopArgs);
      } finally {
        running = false;
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
