import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { join } from 'node:path';
import { build, stop } from 'esbuild';
import { gatewayBundleOptions } from '../../../bundle-options.mjs';
import { REPO_ROOT, type GatewayProcess } from '../gateway-process';
import { childAuditSettings } from '../openapi-audit/child-responses';

export const CHILD_JWT_SECRET = 'reliability-child-secret-of-32-characters-at-least';

/**
 * Bundles `main.ts` the way `npm start` does, once per suite: a restart then costs a plain `node`
 * start instead of a TypeScript load, which is what makes dozens of kill points affordable.
 */
export async function bundleGateway(outDir: string): Promise<string> {
  const outfile = join(outDir, 'gateway-main.cjs');
  await build(gatewayBundleOptions({ outfile, sourcemap: false }));
  await stop();
  return outfile;
}

export interface ChildOptions {
  bundle: string;
  env: Record<string, string>;
  /** Extra node flags, e.g. `--expose-gc`. */
  nodeFlags?: string[];
}

function spawnChild(options: ChildOptions) {
  const audit = childAuditSettings();
  const child = spawn(process.execPath, [...audit.nodeFlags, ...(options.nodeFlags ?? []), options.bundle], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      // The bundle lives in a temp dir; its npm packages come from the workspace.
      NODE_PATH: join(REPO_ROOT, 'node_modules'),
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      ICC_JWT_SECRET: CHILD_JWT_SECRET,
      ...audit.env,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Only the tail is kept: a load run logs one line per request.
  const KEEP_CHARS = 64 * 1024;
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, output: () => output, append: (chunk: Buffer) => (output = (output + chunk.toString()).slice(-KEEP_CHARS)) };
}

/** Starts the bundled gateway; resolves once it logged its URL (store open, adapter started, listening). */
export function startChildGateway(options: ChildOptions): Promise<GatewayProcess> {
  const started = spawnChild(options);
  const url = new Promise<string>((resolve, reject) => {
    let found = false;
    const onData = (chunk: Buffer) => {
      const output = started.append(chunk);
      if (found) return;
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
      if (match?.[1]) {
        found = true;
        resolve(match[1]);
      }
    };
    started.child.stdout?.on('data', onData);
    started.child.stderr?.on('data', onData);
    void started.exited.then(({ code, signal }) => reject(new Error(`gateway exited (${code ?? signal}) before listening:\n${started.output()}`)));
  });
  return url.then((resolved) => ({ child: started.child, url: resolved, exited: started.exited, output: started.output }));
}

/**
 * Starts the gateway on a fresh data dir and SIGKILLs it during its first open: when the SQLite
 * file appears (`walWrites` 0), or after the `walWrites`-th write to its WAL (the schema migration
 * commits with the first ones, demo seeding follows). Resolves with how the process ended.
 */
export async function killDuringFirstOpen(options: ChildOptions & { dataDir: string; walWrites: number }): Promise<{ signal: NodeJS.Signals | null }> {
  let writes = 0;
  const watcher = watch(options.dataDir);
  const started = spawnChild({ ...options, env: { ...options.env, ICC_DATA_DIR: options.dataDir } });
  watcher.on('change', (type, file) => {
    const name = String(file);
    if (name === 'icc.db-wal' && type === 'change') writes += 1;
    if ((options.walWrites === 0 && name === 'icc.db') || (options.walWrites > 0 && writes >= options.walWrites)) {
      started.child.kill('SIGKILL');
    }
  });
  started.child.stdout?.on('data', started.append);
  started.child.stderr?.on('data', started.append);
  try {
    return await started.exited;
  } finally {
    watcher.close();
  }
}

export async function killChild(running: GatewayProcess): Promise<void> {
  if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGKILL');
  await running.exited;
}
