import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '../../..');
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;
// Enough log to explain a failed start without keeping every request log line of a run.
const OUTPUT_TAIL_CHARS = 20_000;

export interface RunningGateway {
  /** `http://127.0.0.1:<port>`; the workspace is served at `/`. */
  url: string;
  /** The temporary `ICC_DATA_DIR`, removed by `stop()`. */
  dataDir: string;
  /** The last lines the gateway logged, for failure messages. */
  output(): string;
  /** SIGTERM, wait for the exit (SIGKILL after a grace period), remove the data dir. */
  stop(): Promise<void>;
}

const WORKSPACE_BUILD_HINT =
  'Run `npx nx run workspace-e2e:test` (it builds gateway and workspace first) or `npx nx run gateway:build && npx nx run workspace:build`.';

function assertBuilt(required: string[], buildHint: string): void {
  const missing = required.filter((path) => !existsSync(path));
  if (missing.length > 0) throw new Error(`Build output missing: ${missing.join(', ')}. ${buildHint}`);
}

function urlFromLogLine(line: string): string | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const record = JSON.parse(line) as { url?: unknown };
    return typeof record.url === 'string' ? record.url : undefined;
  } catch {
    return undefined;
  }
}

export interface StartGatewayOptions {
  /** Where `dist/apps/{gateway,workspace}` are looked up; the repository root by default. */
  repoRoot?: string;
  /** More build outputs the suite needs, relative to `repoRoot` (e.g. `dist/apps/servicenow-openframe/index.html`). */
  alsoBuilt?: string[];
  /** How to build what is missing; the workspace suite's command by default. */
  buildHint?: string;
  /** Extra environment for the gateway (e.g. `ICC_MISSED_OFFERS_BEFORE_NOT_RESPONDING`). */
  env?: Record<string, string>;
}

/** The vendor the browser suite runs against (`ICC_E2E_VENDOR`, default the mock). */
export const E2E_VENDOR = process.env['ICC_E2E_VENDOR'] ?? 'mock';

/**
 * Starts the built gateway (dev endpoints) on a free port with a fresh data dir. The vendor is the
 * mock unless `ICC_E2E_VENDOR` names another registered one (its in-process simulator is used).
 */
export async function startGateway({
  repoRoot = REPO_ROOT,
  alsoBuilt = [],
  buildHint = WORKSPACE_BUILD_HINT,
  env = {},
}: StartGatewayOptions = {}): Promise<RunningGateway> {
  const gatewayMain = join(repoRoot, 'dist/apps/gateway/main.js');
  const workspaceDir = join(repoRoot, 'dist/apps/workspace');
  assertBuilt([gatewayMain, join(workspaceDir, 'index.html'), ...alsoBuilt.map((path) => join(repoRoot, path))], buildHint);
  const dataDir = mkdtempSync(join(tmpdir(), 'icc-e2e-'));
  const child = spawn(process.execPath, [gatewayMain], {
    cwd: repoRoot,
    env: {
      PATH: process.env['PATH'] ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      ICC_DATA_DIR: dataDir,
      ICC_WORKSPACE_DIR: workspaceDir,
      ICC_OPENFRAME_DIR: join(repoRoot, 'dist/apps/servicenow-openframe'),
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      ICC_VENDOR: E2E_VENDOR,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let output = '';
  let pending = '';
  let announceUrl: (url: string) => void = () => undefined;
  const announced = new Promise<string>((resolve) => {
    announceUrl = resolve;
  });
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-OUTPUT_TAIL_CHARS);
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const url = urlFromLogLine(line);
      if (url !== undefined) announceUrl(url);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(`exit ${code ?? signal}`));
    child.once('error', (error) => resolve(`spawn error: ${error.message}`));
  });

  async function stop(): Promise<void> {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      let killTimer: NodeJS.Timeout | undefined;
      const gracePeriod = new Promise<void>((resolve) => {
        killTimer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, STOP_TIMEOUT_MS);
      });
      await Promise.race([exited, gracePeriod]);
      clearTimeout(killTimer);
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }

  let startTimer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<string>((resolve) => {
    startTimer = setTimeout(() => resolve(`no URL logged within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
  });
  const outcome = await Promise.race([
    announced.then((url) => ({ url })),
    exited.then((reason) => ({ failure: reason })),
    timedOut.then((reason) => ({ failure: reason })),
  ]);
  clearTimeout(startTimer);
  if ('failure' in outcome) {
    await stop();
    throw new Error(`The gateway did not start (${outcome.failure}):\n${output}`);
  }
  return { url: outcome.url, dataDir, output: () => output, stop };
}
