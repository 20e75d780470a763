import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Where Debian's `postgresql-15` package puts the server binaries; `ICC_PG_BIN` overrides it. */
export const POSTGRES_BIN_DIR = process.env['ICC_PG_BIN'] ?? '/usr/lib/postgresql/15/bin';

export interface ThrowawayPostgres {
  /** Root of the cluster (data, socket, log); removed by `stop`. */
  readonly dir: string;
  readonly port: number;
  /** `postgres://postgres@127.0.0.1:<port>/<database>` (trust auth: a throwaway cluster on loopback). */
  url(database?: string): string;
  stop(): void;
  /** Stops the server but keeps the data, to start it again (restart tests). */
  pause(): void;
  resume(): void;
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
function runAsServerUser(binary: string, args: string[]): void {
  const command = path.join(POSTGRES_BIN_DIR, binary);
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  execFileSync(asRoot ? 'runuser' : command, asRoot ? ['-u', 'postgres', '--', command, ...args] : args, { stdio: 'pipe' });
}

/** Starts a fresh PostgreSQL cluster in a temporary directory on a free loopback port. */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  if (!fs.existsSync(path.join(POSTGRES_BIN_DIR, 'initdb'))) {
    throw new Error(`PostgreSQL 15 binaries not found in ${POSTGRES_BIN_DIR}: apt-get install postgresql (Debian 12), or set ICC_PG_BIN`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icc-pg-'));
  fs.chmodSync(dir, 0o755);
  if (typeof process.getuid === 'function' && process.getuid() === 0) execFileSync('chown', ['postgres:postgres', dir]);
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  const start = () =>
    runAsServerUser('pg_ctl', ['-D', dataDir, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`, 'start']);
  const stopServer = () => runAsServerUser('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
  try {
    runAsServerUser('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']);
    start();
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  let running = true;
  return {
    dir,
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    pause() {
      stopServer();
      running = false;
    },
    resume() {
      start();
      running = true;
    },
    stop() {
      try {
        if (running) stopServer();
      } finally {
        running = false;
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
