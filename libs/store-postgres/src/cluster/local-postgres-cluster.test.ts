import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { queryDatabase } from '../testing/test-databases';
import { assertPostgresInstalled, freePort, localPostgresCluster, postgresBinDir, startOnFreePort } from './local-postgres-cluster.mjs';

const runningAsRoot = process.getuid?.() === 0;

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icc-pg-cluster-'));
  fs.chmodSync(dir, 0o755);
  return dir;
}

function postmasterPid(dataDir: string): number {
  return Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

async function waitUntilGone(pid: number): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`process ${pid} still alive`);
}

describe('localPostgresCluster (what the tests and npm start -- --store postgres run)', () => {
  const dirs: string[] = [];
  const clusters: ReturnType<typeof localPostgresCluster>[] = [];
  afterAll(() => {
    for (const cluster of clusters) cluster.stopSync();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });
  function newCluster() {
    const dir = tempDir();
    dirs.push(dir);
    const cluster = localPostgresCluster({ dir: path.join(dir, 'pg') });
    clusters.push(cluster);
    return cluster;
  }
  const url = (port: number) => `postgres://postgres@127.0.0.1:${port}/postgres`;

  it('keeps its data across stops, starts on another port, and recovers after its server was SIGKILLed', async () => {
    const cluster = newCluster();
    expect(await cluster.init({ sync: false })).toBe(true);
    if (runningAsRoot) expect(fs.statSync(cluster.dir).uid).not.toBe(0);
    const first = await startOnFreePort(cluster);
    expect(cluster.isRunning()).toBe(true);
    await queryDatabase(url(first), 'CREATE TABLE kept (note text)');
    await queryDatabase(url(first), 'INSERT INTO kept VALUES ($1)', ['before restart']);
    await cluster.stop();
    expect(cluster.isRunning()).toBe(false);
    await expect(queryDatabase(url(first), 'SELECT 1')).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    expect(await cluster.init({ sync: false })).toBe(false);
    const second = await startOnFreePort(cluster);
    expect(await queryDatabase(url(second), 'SELECT note FROM kept')).toEqual([{ note: 'before restart' }]);
    await queryDatabase(url(second), 'INSERT INTO kept VALUES ($1)', ['before the crash']);

    // A crash: the postmaster dies without removing postmaster.pid; the next start recovers from the WAL.
    const pid = postmasterPid(cluster.dataDir);
    process.kill(pid, 'SIGKILL');
    await waitUntilGone(pid);
    expect(fs.existsSync(path.join(cluster.dataDir, 'postmaster.pid'))).toBe(true);
    expect(cluster.isRunning()).toBe(false);
    const third = await startOnFreePort(cluster);
    expect(await queryDatabase(url(third), 'SELECT note FROM kept ORDER BY note')).toEqual([
      { note: 'before restart' },
      { note: 'before the crash' },
    ]);
    await cluster.stop();
    await cluster.stop();
  });

  it('says in one line why it did not start: port taken, server already running', async () => {
    const cluster = newCluster();
    await cluster.init({ sync: false });
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const failure = cluster.start({ port });
      await expect(failure).rejects.toMatchObject({ code: 'port_in_use', logFile: cluster.logFile });
      await expect(failure).rejects.toThrow(/^PostgreSQL did not start: could not bind IPv4 address "127\.0\.0\.1": Address already in use .*; server log: /);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
    const running = await startOnFreePort(cluster);
    const again = cluster.start({ port: await freePort() });
    await expect(again).rejects.toMatchObject({ code: 'already_running' });
    await expect(again).rejects.toThrow(/lock file "postmaster.pid" already exists/);
    expect(await again.then(() => 'started', (error: Error) => error.message)).not.toContain('\n');
    expect(await queryDatabase(url(running), 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await cluster.stop();
  });

  it('finishes a first init that was interrupted (initdb works in a side directory)', async () => {
    const cluster = newCluster();
    fs.mkdirSync(`${cluster.dataDir}.initdb`, { recursive: true });
    fs.writeFileSync(`${cluster.dataDir}.initdb/PG_VERSION`, '15\n');
    expect(await cluster.init({ sync: false })).toBe(true);
    expect(fs.existsSync(`${cluster.dataDir}.initdb`)).toBe(false);
    expect(cluster.isInitialized()).toBe(true);
  });

  it('names the fix when the binaries are missing', () => {
    expect(() => assertPostgresInstalled('/nonexistent/postgresql/bin')).toThrow(
      'PostgreSQL 15 binaries not found in /nonexistent/postgresql/bin (no initdb): apt-get install postgresql (Debian 12), or set ICC_PG_BIN to the directory with initdb and pg_ctl',
    );
    expect(postgresBinDir({ ICC_PG_BIN: '/opt/pg/bin' })).toBe('/opt/pg/bin');
    expect(postgresBinDir({})).toBe('/usr/lib/postgresql/15/bin');
  });

  (runningAsRoot ? it : it.skip)('as root: names the fix when the postgres user cannot reach the directory', async () => {
    const closed = fs.mkdtempSync(path.join(os.tmpdir(), 'icc-pg-closed-'));
    dirs.push(closed);
    expect(fs.statSync(closed).mode & 0o777).toBe(0o700);
    const cluster = localPostgresCluster({ dir: path.join(closed, 'pg') });
    await expect(cluster.init({ sync: false })).rejects.toMatchObject({ code: 'directory_unreachable' });
    await expect(cluster.init({ sync: false })).rejects.toThrow(/^the postgres user .* cannot reach .*\/pg: a parent directory is not searchable/);
  });
});
