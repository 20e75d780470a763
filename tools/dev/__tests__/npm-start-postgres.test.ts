import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exampleCustomer } from '@icc/protocol';
import { localPostgresCluster, queryDatabase } from '@icc/store-postgres/testing';

jest.setTimeout(240_000);

const REPO_ROOT = path.join(__dirname, '../../..');

/**
 * Whether the gateway takes ICC_STORE=postgres://… yet (issue 19 item 3, branch issue-19g). Until it
 * does, it runs the embedded store whatever npm start passes, and a callback cannot be in PostgreSQL.
 */
function gatewayReadsIccStore(): boolean {
  const sources = fs.readdirSync(path.join(REPO_ROOT, 'apps/gateway/src'), { recursive: true, encoding: 'utf8' });
  return sources.some(
    (file) =>
      file.endsWith('.ts') &&
      !/(^|\/)__tests__\/|\.test\.ts$/.test(file) &&
      fs.readFileSync(path.join(REPO_ROOT, 'apps/gateway/src', file), 'utf8').includes('ICC_STORE'),
  );
}

/** The environment of the gateway npm start runs (its one child process; Linux /proc). */
function gatewayEnvironment(startPid: number): Record<string, string> {
  const children = fs.readFileSync(`/proc/${startPid}/task/${startPid}/children`, 'utf8').trim().split(/\s+/);
  const gateway = children.find((pid) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('gateway/main.js'));
  if (!gateway) throw new Error(`no gateway among the children of npm start (${children.join(', ')})`);
  const entries = fs.readFileSync(`/proc/${gateway}/environ`, 'utf8').split('\0').filter(Boolean);
  return Object.fromEntries(entries.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));
}

/** When the server got its fast shutdown request, from its log (`2026-12-05 23:42:11.720 UTC [pid] LOG: …`). */
function lastShutdownRequest(logFile: string): number {
  const line = fs.readFileSync(logFile, 'utf8').split('\n').findLast((entry) => entry.includes('received fast shutdown request'));
  const stamp = /^(\S+ \S+) UTC/.exec(line ?? '')?.[1];
  if (!stamp) throw new Error(`no fast shutdown in ${logFile}`);
  return Date.parse(`${stamp.replace(' ', 'T')}Z`);
}

interface StartRun {
  child: ChildProcess;
  /** The gateway's URL once npm start says it is running. */
  url: Promise<string>;
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
  /** The local server's URL npm start printed. */
  postgresUrl(): string;
}

/** `npm start -- --store postgres --no-workspace` in its own process group, as a terminal runs it. */
function startRun(dataDir: string): StartRun {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'tools/dev/start.mjs'), '--store', 'postgres', '--no-workspace'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env['PATH'] ?? '', PORT: '0', ICC_DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /is running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void closed.then(() => reject(new Error(`npm start ended before it was running:\n${output}`)));
  });
  const postgresUrl = () => /running at (postgres:\/\/\S+)/.exec(output)?.[1] ?? `no PostgreSQL URL in the output:\n${output}`;
  return { child, url, closed, output: () => output, postgresUrl };
}

describe('npm start -- --store postgres (tools/dev/start.mjs)', () => {
  const dataDirs: string[] = [];
  const runs: StartRun[] = [];
  afterAll(async () => {
    // A failed test leaves its run up: SIGTERM first, so npm start stops its (detached) gateway and server too.
    for (const run of runs) {
      if (run.child.exitCode !== null || !run.child.pid) continue;
      process.kill(-run.child.pid, 'SIGTERM');
      const stopped = await Promise.race([run.closed, new Promise((resolve) => setTimeout(resolve, 30_000, 'timeout'))]);
      if (stopped === 'timeout') process.kill(-run.child.pid, 'SIGKILL');
    }
    for (const dir of dataDirs) {
      localPostgresCluster({ dir: path.join(dir, 'pg') }).stopSync();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  /** A data directory the postgres user can reach (mkdtemp makes it 0700). */
  function newDataDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icc-npm-start-pg-'));
    fs.chmodSync(dir, 0o755);
    dataDirs.push(dir);
    return dir;
  }
  async function running(dataDir: string): Promise<StartRun & { gatewayUrl: string }> {
    const run = startRun(dataDir);
    runs.push(run);
    return Object.assign(run, { gatewayUrl: await run.url });
  }

  it('keeps its cluster in $ICC_DATA_DIR/pg across runs, and stops it only after the gateway drained', async () => {
    const dataDir = newDataDir();
    const first = await running(dataDir);
    expect(first.output()).toContain(`PostgreSQL 15 created in ${dataDir}/pg (kept between runs; delete it to start over)`);
    expect(first.output()).toContain(`Store: PostgreSQL at ${first.postgresUrl()} (data in ${dataDir}/pg)`);
    expect((await fetch(`${first.gatewayUrl}/healthz`)).status).toBe(200);
    expect(gatewayEnvironment(first.child.pid ?? 0)).toMatchObject({ ICC_STORE: first.postgresUrl(), ICC_DATA_DIR: dataDir });
    await queryDatabase(first.postgresUrl(), 'CREATE TABLE kept (note text)');
    await queryDatabase(first.postgresUrl(), 'INSERT INTO kept VALUES ($1)', ['first run']);

    process.kill(-(first.child.pid ?? 0), 'SIGINT');
    expect(await first.closed).toEqual({ code: 0, signal: null });
    const lines = first.output();
    expect(lines.indexOf('"msg":"gateway stopped"')).toBeGreaterThan(-1);
    expect(lines.indexOf('"msg":"gateway stopped"')).toBeLessThan(lines.indexOf('The gateway stopped.'));
    expect(lines.indexOf('The gateway stopped.')).toBeLessThan(lines.indexOf(`PostgreSQL stopped; its data stays in ${dataDir}/pg`));
    const gatewayStopped = Number(/"time":(\d+)[^\n]*"msg":"gateway stopped"/.exec(lines)?.[1]);
    expect(lastShutdownRequest(path.join(dataDir, 'pg/server.log'))).toBeGreaterThanOrEqual(gatewayStopped);
    await expect(queryDatabase(first.postgresUrl(), 'SELECT 1')).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    const second = await running(dataDir);
    expect(second.output()).toContain(`PostgreSQL 15 reused in ${dataDir}/pg`);
    expect(await queryDatabase(second.postgresUrl(), 'SELECT note FROM kept')).toEqual([{ note: 'first run' }]);
    process.kill(-(second.child.pid ?? 0), 'SIGTERM');
    expect(await second.closed).toEqual({ code: 0, signal: null });
  });

  // Enabled by itself once the gateway reads ICC_STORE (issue-19g); until then it shows as skipped with this reason.
  (gatewayReadsIccStore() ? it : it.skip)(
    'keeps a callback created over HTTP across a restart, in PostgreSQL (runs once the gateway reads ICC_STORE)',
    async () => {
      const dataDir = newDataDir();
      const request = {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'npm-start-postgres-1' },
        body: JSON.stringify({ queueId: 'callbacks-af', customer: exampleCustomer(), reason: { code: 'billing-issue' }, shortDescription: 'Kept across a restart' }),
      };
      const first = await running(dataDir);
      expect(first.output()).toContain('"store":"postgres"');
      const created = await fetch(`${first.gatewayUrl}/v1/callbacks`, request);
      expect(created.status).toBe(201);
      const callback = (await created.json()) as { id: string; number: string };
      expect(await queryDatabase(first.postgresUrl(), 'SELECT number FROM callbacks WHERE id = $1', [callback.id])).toEqual([{ number: callback.number }]);
      process.kill(-(first.child.pid ?? 0), 'SIGINT');
      expect(await first.closed).toEqual({ code: 0, signal: null });

      const second = await running(dataDir);
      // The same key and body answer 200 with the callback the first run stored (a new store would make a new one: 201).
      const replayed = await fetch(`${second.gatewayUrl}/v1/callbacks`, request);
      expect(replayed.status).toBe(200);
      expect(await replayed.json()).toMatchObject({ id: callback.id, number: callback.number });
      process.kill(-(second.child.pid ?? 0), 'SIGTERM');
      expect(await second.closed).toEqual({ code: 0, signal: null });
    },
  );
});
