import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { freeLoopbackPort } from '../../process/free-port';
import { REPO_ROOT } from '../../process/paths';
import { profilingArgs, spawnBenchChild } from '../../process/spawn-bench-child';
import { waitForStatus200 } from '../../process/wait-for-ready';

const READY_TIMEOUT_MS = 120_000;

/** Ours: spawn the bundled gateway on the data dir; time until `GET /readyz` first answers 200. */
export async function timeGatewayUntilReady(bundle: string, dataDir: string): Promise<number> {
  const port = await freeLoopbackPort();
  const started = performance.now();
  const child = spawnBenchChild({
    role: 'recovery-gateway',
    entry: bundle,
    stopWith: 'signal',
    env: {
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      ICC_DATA_DIR: dataDir,
      ICC_JWT_SECRET: 'bench-jwt-secret-that-is-at-least-32-characters',
      LOG_LEVEL: 'info',
    },
  });
  try {
    let exited: string | undefined;
    child.process.once('exit', (code) => (exited = `the gateway exited (${code}) before it was ready`));
    const ready = await waitForStatus200(`http://127.0.0.1:${port}/readyz`, READY_TIMEOUT_MS, 5, () => exited);
    return ready - started;
  } finally {
    await child.stop();
  }
}

const OPEN_AND_READ_ONE_ROW = `
const Database = require('better-sqlite3');
const database = new Database(process.argv[1], { readonly: true });
const row = database.prepare('SELECT seq, type FROM events ORDER BY seq DESC LIMIT 1').get();
database.close();
process.stdout.write(JSON.stringify(row));
`;

/** Baseline: a node process that opens the same SQLite file and reads one row; time until it exits. */
export function timeOpenAndReadOneRow(filePath: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...profilingArgs('recovery-sqlite-open'), '-e', OPEN_AND_READ_ONE_ROW, filePath], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      const finished = performance.now();
      if (code === 0 && output.includes('"seq"')) resolve(finished - started);
      else reject(new Error(`reading one row failed (${code}): ${output.slice(0, 500)}`));
    });
  });
}
