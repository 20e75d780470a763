import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** While writes go on, the log is checkpointed at most this often (each checkpoint fsyncs the database file). */
const MIN_INTERVAL_MS = 200;
/** A pause for the log's restart never lasts longer than this, whatever the checkpoint thread does. */
const MAX_PAUSE_MS = 1_000;
/** Default length (frames of one page) from which the log is restarted: 16 MB of 4 KB pages. */
const DEFAULT_RESTART_AT_FRAMES = 4_096;

export interface WalCheckpointerOptions {
  /**
   * Stops the store's commits until the returned function is called. The checkpointer pauses them
   * only while it copies the last frames of a log it is about to restart (a few milliseconds).
   */
  pauseCommits(): () => void;
  /** A log at least this many frames long is restarted once checkpointed. */
  restartAtFrames?: number;
}

export interface WalCheckpointer {
  /**
   * Asks for a checkpoint after a write. Asks within MIN_INTERVAL_MS of the last one that ran fold
   * into one, run once that interval has passed (so the last write of a burst is checkpointed too).
   * One runs at a time, and asks made while it runs fold into one more.
   */
  request(): void;
  /** Checkpoints that ran to the end. */
  checkpoints(): number;
  /** Times the log was checkpointed to its last frame under a pause, so the next commit restarts it. */
  restarts(): number;
  close(): Promise<void>;
}

/** What `PRAGMA wal_checkpoint` answers: the log's length and how much of it is in the database file, in frames. */
interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

type CheckpointReply = { ok: true; result: CheckpointResult } | { ok: false };

/**
 * The checkpoint copies the log into the database file and fsyncs both: disk waits the event loop
 * must not take. The main connection runs with `wal_autocheckpoint=0`; this thread owns a second
 * connection to the same file and runs PASSIVE checkpoints, which never block the writer. The
 * worker starts on the first request, so a short-lived store (a test) never starts one.
 *
 * SQLite writes the log from its start again (restarts it) only when a transaction begins after a
 * checkpoint copied every frame. Under steady writes that never happens: frames are committed while
 * the checkpoint copies, so the log grew by every byte written (450 MB in 10 s at 3,000 appends/s),
 * every commit made the file longer, and each `fdatasync` of it then had to commit the file's new
 * size to the file system's journal too. So when a checkpoint finds the log at `restartAtFrames` or
 * longer, commits pause while a second checkpoint copies the frames written during the first (its
 * answer cannot tell those apart: it counts only the frames it saw), and the next commit restarts the
 * log: it is then overwritten in place.
 */
export function createWalCheckpointer(databaseFilePath: string, options: WalCheckpointerOptions): WalCheckpointer {
  const restartAtFrames = options.restartAtFrames ?? DEFAULT_RESTART_AT_FRAMES;
  let worker: Worker | undefined;
  let running = false;
  let again = false;
  let done = 0;
  let restarts = 0;
  let exited: Promise<void> | undefined;
  let lastAsked = Date.now();
  let closed = false;
  /** Set while commits are paused for the checkpoint that copies a log's last frames. */
  let paused: { resume(): void; timer: NodeJS.Timeout } | undefined;

  const endPause = () => {
    if (!paused) return;
    clearTimeout(paused.timer);
    paused.resume();
    paused = undefined;
  };

  const onReply = (reply: CheckpointReply) => {
    running = false;
    if (closed) return;
    if (reply.ok) done += 1;
    if (paused) {
      if (reply.ok && reply.result.checkpointed === reply.result.log) restarts += 1;
      endPause();
    } else if (reply.ok && reply.result.log >= restartAtFrames) {
      paused = { resume: options.pauseCommits(), timer: setTimeout(endPause, MAX_PAUSE_MS) };
      return run();
    }
    if (again) run();
  };

  const start = () => {
    const created = new Worker(CHECKPOINT_THREAD, {
      eval: true,
      workerData: { databaseFilePath, betterSqlite3: createRequire(__filename).resolve('better-sqlite3') },
    });
    created.unref();
    created.on('message', onReply);
    exited = new Promise((resolve) => created.once('exit', () => resolve()));
    // A checkpoint that cannot run (the disk is failing) leaves the log to grow; appends report the failure themselves.
    created.on('error', endPause);
    return created;
  };

  const run = () => {
    again = false;
    running = true;
    worker ??= start();
    worker.postMessage('checkpoint');
  };

  let trailing: NodeJS.Timeout | undefined;
  const askAgain = () => {
    trailing = undefined;
    checkpointer.request();
  };

  const checkpointer: WalCheckpointer = {
    request() {
      if (closed) return;
      const wait = MIN_INTERVAL_MS - (Date.now() - lastAsked);
      if (wait > 0) {
        // The last write of a burst still gets its checkpoint: the log does not wait for the next write.
        trailing ??= setTimeout(askAgain, wait).unref();
        return;
      }
      lastAsked = Date.now();
      if (running) again = true;
      else run();
    },
    checkpoints: () => done,
    restarts: () => restarts,
    async close() {
      closed = true;
      clearTimeout(trailing);
      endPause();
      if (!worker) return;
      // Unref'd, the thread would not keep the process alive until it has closed its connection.
      worker.ref();
      worker.postMessage('close');
      await exited;
      worker = undefined;
    },
  };
  return checkpointer;
}

/** Plain JavaScript run by the worker (`eval`), so it needs no build step of its own. */
const CHECKPOINT_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.betterSqlite3);
const database = new Database(workerData.databaseFilePath);
database.pragma('busy_timeout = 5000');
database.pragma('synchronous = NORMAL');
parentPort.on('message', (message) => {
  if (message === 'close') {
    database.close();
    parentPort.close();
    return;
  }
  try {
    const [result] = database.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true, result });
  } catch (error) {
    parentPort.postMessage({ ok: false, code: error.code, message: error.message });
  }
});
`;
