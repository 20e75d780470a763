import fs from 'node:fs';

/** Makes every transaction committed so far durable. */
export interface WalSync {
  sync(): Promise<void>;
  /** The log file's size now, in bytes (0 once closed). */
  bytes(): number;
  close(): void;
}

/**
 * Commits run with `synchronous=OFF`: SQLite writes the log (the `-wal` file) without an fsync,
 * so COMMIT returns without waiting on the disk. This is the fsync SQLite would have made under
 * `synchronous=FULL`, made instead by libuv's thread pool on a descriptor of the same file: the event
 * loop goes on while the disk works, and an append is acknowledged only once its commit is synced.
 * SQLite still syncs the log's header when it reuses the file after a checkpoint, and checkpoints
 * sync the database file, so nothing acknowledged depends on a write that was never synced.
 */
export function openWalSync(databaseFilePath: string): WalSync {
  const logPath = `${databaseFilePath}-wal`;
  const descriptor = fs.openSync(logPath, 'r');
  let closed = false;
  return {
    sync: () =>
      new Promise<void>((resolve, reject) => {
        fs.fdatasync(descriptor, (error) => (error ? reject(error) : resolve()));
      }),
    bytes: () => (closed ? 0 : fs.fstatSync(descriptor).size),
    close() {
      if (closed) return;
      closed = true;
      fs.closeSync(descriptor);
    },
  };
}
