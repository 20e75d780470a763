import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { createSqliteEventStore } from './sqlite-event-store';
import { readProjectionTables } from './read-projection-tables';
import { createTemporaryDataDirs } from './temporary-data-dirs';

const dataDirs = createTemporaryDataDirs();
afterAll(() => dataDirs.removeAll());

const WORKSPACE_ROOT = path.resolve(__dirname, '../../..');
const TSX = path.join(WORKSPACE_ROOT, 'node_modules/.bin/tsx');
const SCRIPT = path.join(__dirname, '__fixtures__/append-until-killed.ts');
const CLOSE_SCRIPT = path.join(__dirname, '__fixtures__/close-after-checkpoint.ts');

interface KillPoint {
  /** Events acknowledged, at least. */
  events: number;
  /** Times the log was written from its start again, at least (the appender restarts it from `logRestartFrames`). */
  logRestarts?: number;
  logRestartFrames?: number;
}

/**
 * Runs the appender until it has acknowledged `events` events (and restarted its log `logRestarts`
 * times), SIGKILLs it, returns the events it acknowledged (`<seq> <interactionId>`).
 * The tsx CLI runs the script in a child node process, so the whole process group is killed
 * (`detached` makes the appender the leader of its own group).
 */
function appendThenKill(dataDir: string, killPoint: KillPoint): Promise<string[]> {
  const args = killPoint.logRestartFrames === undefined ? [SCRIPT, dataDir] : [SCRIPT, dataDir, String(killPoint.logRestartFrames)];
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, args, {
      cwd: path.join(WORKSPACE_ROOT, 'libs/store-sqlite'),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const safety = setTimeout(() => {
      killGroup();
      reject(new Error(`appender did not reach ${JSON.stringify(killPoint)}: ${stderr}`));
    }, 45_000);
    let stdout = '';
    let stderr = '';
    let killed = false;
    let events = 0;
    let restarts = 0;
    let partialLine = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      const lines = (partialLine + chunk).split('\n');
      partialLine = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('restart ')) restarts = Number(line.slice('restart '.length));
        else events += 1;
      }
      if (!killed && events >= killPoint.events && restarts >= (killPoint.logRestarts ?? 0)) {
        killed = true;
        killGroup();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(safety);
      if (signal !== 'SIGKILL') reject(new Error(`appender exited with ${code}: ${stderr}`));
      // Only complete lines were acknowledged; a torn last line may be cut mid-write.
      else resolve(stdout.split('\n').slice(0, -1).filter((line) => !line.startsWith('restart ')));
    });
  });
}

/** Every acknowledged append is in the log once, the log is gap-free, the read models equal a rebuild. */
async function expectRecovered(dataDir: string, acknowledged: string[]): Promise<void> {
  const store = createSqliteEventStore({ dataDir });
  try {
    const log = store.readAfter(0, 1_000_000);
    expect(log.map((event) => event.seq)).toEqual(log.map((_, index) => index + 1));
    expect(store.headSeq()).toBe(log.length);
    const seqs = acknowledged.map((line) => Number(line.split(' ')[0]));
    expect(new Set(seqs).size).toBe(seqs.length);
    for (const line of acknowledged) {
      const [seq, interactionId] = line.split(' ');
      const event = log[Number(seq) - 1];
      expect({ seq: event?.seq, interactionId: event && 'interactionId' in event ? event.interactionId : undefined }).toEqual({
        seq: Number(seq),
        interactionId,
      });
    }
    const projections = readProjectionTables(store.database);
    expect((projections.interactions as unknown[]).length).toBeGreaterThanOrEqual(acknowledged.length / 2);
    store.rebuildProjections();
    expect(readProjectionTables(store.database)).toEqual(projections);
  } finally {
    await store.close();
  }
}

describe('crash recovery', () => {
  it('keeps every acknowledged append exactly once after SIGKILL, with projections equal to a rebuild', async () => {
    const dataDir = dataDirs.create();
    const acknowledged = await appendThenKill(dataDir, { events: 300 });
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);
    await expectRecovered(dataDir, acknowledged);
  }, 60_000);

  it('keeps them too when the log was written from its start again (over checkpointed frames) before the kill', async () => {
    const dataDir = dataDirs.create();
    const acknowledged = await appendThenKill(dataDir, { events: 300, logRestarts: 2, logRestartFrames: 32 });
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);
    await expectRecovered(dataDir, acknowledged);
  }, 60_000);

  it('closes a store whose checkpoint thread has run all the way, in a process with nothing else to wait on', async () => {
    const dataDir = dataDirs.create();
    const { stdout } = await promisify(execFile)(TSX, [CLOSE_SCRIPT, dataDir], { cwd: path.join(WORKSPACE_ROOT, 'libs/store-sqlite'), timeout: 45_000 });
    expect(stdout).toBe('closed\n');
    const store = createSqliteEventStore({ dataDir });
    try {
      expect(store.headSeq()).toBeGreaterThan(1);
    } finally {
      await store.close();
    }
  }, 60_000);
});
