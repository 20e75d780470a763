// A start script's children outlive it when it is SIGKILLed (or crashes before its exit handlers
// run): the gateways and HAProxy run in process groups of their own, PostgreSQL is a daemon. The
// guard is a small detached process holding a pipe from the script; when that pipe closes without
// the script saying it cleaned up, the guard stops what the script told it about and removes its
// throwaway files. Run as a script it is the guard; imported, `startOrphanGuard` starts one.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive } from './start-run-output.mjs';
import { localPostgresCluster } from '../../libs/store-postgres/src/cluster/local-postgres-cluster.mjs';

/** How long the guard's SIGTERM has before SIGKILL: a gateway's drain is bounded, but by more than this. */
const GRACE_MS = 5_000;

/**
 * Starts the guard for this process. Tell it each process group (by its leader's pid), PostgreSQL
 * cluster directory and throwaway path as they come; `release()` once they are all cleaned up.
 */
export function startOrphanGuard() {
  const guard = spawn(process.execPath, [fileURLToPath(import.meta.url), String(process.pid)], {
    detached: true,
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  guard.unref();
  // The pipe must not keep this process alive: it ends when the script ends, however it ends.
  guard.stdin.unref();
  const tell = (message) => guard.stdin.write(`${JSON.stringify(message)}\n`);
  return {
    pid: guard.pid,
    processGroup: (pid) => tell({ processGroup: pid }),
    postgres: (dir, binDir) => tell({ postgres: { dir, binDir } }),
    remove: (path) => tell({ remove: path }),
    release: () => {
      tell({ released: true });
      guard.stdin.end();
    },
  };
}

async function guard(scriptPid) {
  const groups = [];
  const clusters = [];
  const paths = [];
  let released = false;
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    const message = JSON.parse(line);
    if (message.processGroup) groups.push(message.processGroup);
    if (message.postgres) clusters.push(message.postgres);
    if (message.remove) paths.push(message.remove);
    if (message.released) released = true;
  }
  if (released) return;
  const alive = groups.filter((pid) => isAlive(pid));
  console.error(
    `\n  The start script (pid ${scriptPid}) ended without stopping its children: stopping ${alive.length} process group(s)${clusters.length ? ' and PostgreSQL' : ''}, removing its files.`,
  );
  const signal = (name) => {
    for (const pid of alive) {
      try {
        process.kill(-pid, name);
      } catch {
        // Gone meanwhile.
      }
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + GRACE_MS;
  while (alive.some((pid) => isAlive(pid)) && Date.now() < deadline) await sleep(100);
  signal('SIGKILL');
  for (const { dir, binDir } of clusters) {
    try {
      localPostgresCluster({ dir, binDir }).stopSync();
    } catch (error) {
      console.error(`  Could not stop PostgreSQL in ${dir}: ${error.message}`);
    }
  }
  for (const path of paths) rmSync(path, { recursive: true, force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // Its own session: the terminal's Ctrl+C and a kill of the script's group do not reach it.
  process.on('SIGINT', () => undefined);
  await guard(Number(process.argv[2]));
}
