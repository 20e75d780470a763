// A PostgreSQL cluster in a directory of our own, run with the server's initdb and pg_ctl: the tests'
// throwaway clusters and `npm start -- --store postgres` both start theirs here. Plain JavaScript so
// that tools/dev/start.mjs runs it with node alone; the TypeScript test helper wraps it.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

export const DEFAULT_POSTGRES_BIN_DIR = '/usr/lib/postgresql/15/bin';
export const SERVER_USER = 'postgres';
const PORT_ATTEMPTS = 3;

export class LocalPostgresError extends Error {
  constructor(message, code, logFile) {
    super(message);
    this.name = 'LocalPostgresError';
    this.code = code;
    this.logFile = logFile;
  }
}

export function postgresBinDir(env = process.env) {
  return env['ICC_PG_BIN'] || DEFAULT_POSTGRES_BIN_DIR;
}

function runningAsRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

export function assertPostgresInstalled(binDir = postgresBinDir()) {
  for (const binary of ['initdb', 'pg_ctl']) {
    if (!fs.existsSync(path.join(binDir, binary))) {
      throw new LocalPostgresError(
        `PostgreSQL 15 binaries not found in ${binDir} (no ${binary}): apt-get install postgresql (Debian 12), or set ICC_PG_BIN to the directory with initdb and pg_ctl`,
        'binaries_missing',
      );
    }
  }
  if (!runningAsRoot()) return;
  try {
    execFileSync('id', ['-u', SERVER_USER], { stdio: 'pipe' });
  } catch {
    throw new LocalPostgresError(
      `initdb and pg_ctl refuse to run as root and there is no ${SERVER_USER} user to run them as: apt-get install postgresql creates it`,
      'server_user_missing',
    );
  }
}

/** Free TCP port on loopback (asked from the kernel, then released for the server to take). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** initdb/pg_ctl refuse to run as root: as root, they run as the `postgres` user. */
function serverUserCommand(binDir, binary, args) {
  const command = path.join(binDir, binary);
  return runningAsRoot() ? ['runuser', ['-u', SERVER_USER, '--', command, ...args]] : [command, args];
}

/** pg_ctl hands `-o` to the server through /bin/sh: values are single-quoted for it. */
function shellQuote(value) {
  return `'${String(value).replaceAll("'", "'\\''")}'`;
}

function newLogLines(logFile, fromByte) {
  try {
    return fs.readFileSync(logFile).subarray(fromByte).toString('utf8').split('\n');
  } catch {
    return [];
  }
}

function fileSize(file) {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** The server's own reason (FATAL/PANIC in the log), classified for the callers that act on it. */
function startFailure(logFile, fromByte, error) {
  const lines = newLogLines(logFile, fromByte);
  // A port taken is logged before the FATAL that follows from it ("could not create any TCP/IP sockets").
  const cause = lines.find((line) => /Address already in use/.test(line)) ?? lines.find((line) => / (FATAL|PANIC): /.test(line));
  const reason = cause?.replace(/^.*? (LOG|FATAL|PANIC): +/, '') ?? lastLine(error) ?? 'pg_ctl start failed';
  const hint = lines.find((line) => / HINT: /.test(line))?.replace(/^.*? HINT: +/, '');
  const code = /Address already in use/.test(reason)
    ? 'port_in_use'
    : /lock file .* already exists/.test(reason)
      ? 'already_running'
      : 'start_failed';
  return new LocalPostgresError(`PostgreSQL did not start: ${reason}${hint ? ` (${hint})` : ''}; server log: ${logFile}`, code, logFile);
}

function lastLine(error) {
  const text = `${error?.stderr ?? ''}`.trim() || `${error?.message ?? ''}`.trim();
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return lines.find((line) => /error:/.test(line))?.trim() ?? lines.at(-1)?.trim();
}

/**
 * The cluster under `dir`: the data directory `dir/data` and the server log `dir/server.log`.
 * Nothing is started until `init` and `start`; `dir` may already hold a cluster from an earlier run.
 */
export function localPostgresCluster({ dir, binDir = postgresBinDir() }) {
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  const run = (binary, args) => promisify(execFile)(...serverUserCommand(binDir, binary, args));
  const runSync = (binary, args) => execFileSync(...serverUserCommand(binDir, binary, args), { stdio: 'pipe' });
  const stopArgs = ['-D', dataDir, '-m', 'fast', '-w', 'stop'];

  /** As root the server user must own `dir` and reach it (every parent searchable by others). */
  function prepareDirectory() {
    fs.mkdirSync(dir, { recursive: true });
    if (!runningAsRoot()) return;
    fs.chmodSync(dir, 0o755);
    execFileSync('chown', [`${SERVER_USER}:${SERVER_USER}`, dir]);
    try {
      execFileSync('runuser', ['-u', SERVER_USER, '--', 'test', '-w', dir], { stdio: 'pipe' });
    } catch {
      throw new LocalPostgresError(
        `the ${SERVER_USER} user (initdb and pg_ctl run as it under root) cannot reach ${dir}: a parent directory is not searchable by other users (chmod o+x it, or use a directory elsewhere)`,
        'directory_unreachable',
      );
    }
  }

  return {
    dir,
    dataDir,
    logFile,
    isInitialized() {
      return fs.existsSync(path.join(dataDir, 'PG_VERSION'));
    },
    /**
     * Creates the cluster (superuser `postgres`, trust auth: loopback only) unless one is there;
     * returns whether it did. initdb writes into a side directory renamed when complete, so an
     * interrupted first run leaves no half-made cluster behind.
     */
    async init({ sync = true } = {}) {
      prepareDirectory();
      if (this.isInitialized()) return false;
      const building = `${dataDir}.initdb`;
      fs.rmSync(building, { recursive: true, force: true });
      try {
        await run('initdb', ['-D', building, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', ...(sync ? [] : ['--no-sync'])]);
      } catch (error) {
        fs.rmSync(building, { recursive: true, force: true });
        throw new LocalPostgresError(`initdb failed in ${dir}: ${lastLine(error)}`, 'init_failed');
      }
      fs.renameSync(building, dataDir);
      return true;
    },
    /** Starts the server on loopback `port`; resolves once it accepts connections. */
    async start({ port, settings = {}, socketDir = '' }) {
      const options = [`-p ${Number(port)}`, `-c listen_addresses=127.0.0.1`, `-c unix_socket_directories=${shellQuote(socketDir)}`];
      for (const [name, value] of Object.entries(settings)) options.push(`-c ${name}=${shellQuote(value)}`);
      const logStart = fileSize(logFile);
      try {
        await run('pg_ctl', ['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', options.join(' '), 'start']);
      } catch (error) {
        throw startFailure(logFile, logStart, error);
      }
    },
    /** Whether a live server runs on this data directory (a postmaster.pid left by a killed server does not count). */
    isRunning() {
      try {
        runSync('pg_ctl', ['-D', dataDir, 'status']);
        return true;
      } catch {
        return false;
      }
    },
    /** Fast shutdown (clients are cut off, committed data kept); nothing to do if it is not running. */
    async stop() {
      if (this.isRunning()) await run('pg_ctl', stopArgs);
    },
    stopSync() {
      if (this.isRunning()) runSync('pg_ctl', stopArgs);
    },
  };
}

/** Starts `cluster` on a free loopback port, taking another one if the port was taken meanwhile. */
export async function startOnFreePort(cluster, options = {}) {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      await cluster.start({ ...options, port });
      return port;
    } catch (error) {
      if (error?.code !== 'port_in_use' || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}
