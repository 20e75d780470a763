// Where one `npm start` puts what it runs: its own directory under dist/start, so a second start in
// the same checkout (or a rebuild meanwhile) cannot change the files a running gateway serves.
// The shared nx build of the workspace is done under a lock and copied into the run's directory.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const LOCK_WAIT_MS = 10 * 60_000;

/**
 * Whether process `pid` still runs (EPERM: it does, as another user). A zombie does not: an orphan
 * that exited stays one until pid 1 reaps it, which a container's init may never do (Linux /proc).
 */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return error.code === 'EPERM';
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0] !== 'Z';
  } catch {
    return true;
  }
}

/** A fresh directory for this run; directories of runs whose process is gone are removed. */
export function createRunOutput(root) {
  const base = join(root, 'dist/start');
  mkdirSync(base, { recursive: true });
  for (const name of readdirSync(base)) {
    const pid = Number(/^run-\d+-(\d+)$/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !isAlive(pid)) rmSync(join(base, name), { recursive: true, force: true });
  }
  const dir = join(base, `run-${Date.now()}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  return {
    dir,
    gatewayMain: join(dir, 'gateway/main.js'),
    workspaceDir: join(dir, 'workspace'),
    openFrameDir: join(dir, 'servicenow-openframe'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs `work` holding dist/start/build.lock (an atomic mkdir naming its owner); a dead owner's lock is taken over. */
export async function withBuildLock(root, work) {
  const lock = join(root, 'dist/start/build.lock');
  const deadline = Date.now() + LOCK_WAIT_MS;
  let waiting = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let owner = 0;
      try {
        owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        // The owner is between mkdir and writing its pid.
      }
      if (owner && !isAlive(owner)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`another npm start (pid ${owner}) has held ${lock} for 10 minutes`);
      if (!waiting) console.log(`Waiting for another npm start (pid ${owner || '?'}) to finish building…`);
      waiting = true;
      await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Copies a finished build into the run's own directory. */
export function copyInto(from, to) {
  cpSync(from, to, { recursive: true });
}
