import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** While writes go on, the log is checkpointed at most this often (each checkpoint fsyncs the database file). */
const MIN_INTERVAL_MS = 200;

export interface WalCheckpointer {
  /**
   * Asks for a checkpoint after a write; ignored within MIN_INTERVAL_MS of the last one asked for.
   * One runs at a time, and asks made while it runs fold into one more.
   */
  request(): void;
  /** Checkpoints that ran to the end. */
  checkpoints(): number;
  close(): Promise<void>;
}

/**
 * The checkpoint copies the log into the database file and fsyncs both: disk waits the event loop
 * must not take. The main connection runs with `wal_autocheckpoint=0`; this thread owns a second
 * connection to the same file and runs PASSIVE checkpoints, which never block the writer. The
 * worker starts on the first request, so a short-lived store (a test) never starts one.
 */
export function createWalCheckpointer(databaseFilePath: string): WalCheckpointer {
  let worker: Worker | undefined;
  let running = false;
  let again = false;
  let done = 0;
  let exited: Promise<void> | undefined;
  let lastAsked = Date.now();

  const start = () => {
    const created = new Worker(CHECKPOINT_THREAD, {
      eval: true,
      workerData: { databaseFilePath, betterSqlite3: createRequire(__filename).resolve('better-sqlite3') },
    });
    created.unref();
    created.on('message', (reply: { ok: boolean }) => {
      if (reply.ok) done += 1;
      running = false;
      if (again) run();
    });
    exited = new Promise((resolve) => created.once('exit', () => resolve()));
    // A checkpoint that cannot run (the disk is failing) leaves the log to grow; appends report the failure themselves.
    created.on('error', () => undefined);
    return created;
  };

  const run = () => {
    again = false;
    running = true;
    worker ??= start();
    worker.postMessage('checkpoint');
  };

  return {
    request() {
      if (Date.now() - lastAsked < MIN_INTERVAL_MS) return;
      lastAsked = Date.now();
      if (running) again = true;
      else run();
    },
    checkpoints: () => done,
    async close() {
      if (!worker) return;
      // Unref'd, the thread would not keep the process alive until it has closed its connection.
      worker.ref();
      worker.postMessage('close');
      await exited;
      worker = undefined;
    },
  };
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
