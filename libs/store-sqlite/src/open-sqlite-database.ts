import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { runSchemaMigrations } from './migrations/run-schema-migrations';
import { isStorageFailure, toStorageUnavailable } from './storage-unavailable-error';

export const DEFAULT_DATA_DIR = './data';
export const DEFAULT_FILE_NAME = 'icc.db';
const LOG_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Opens (creating directory and file if needed) the database in WAL mode and migrates the schema
 * to the newest version (with `synchronous=FULL`: each migration is fsync'd before it returns).
 * Then this connection syncs nothing itself (`synchronous=OFF`, no automatic checkpoint): the
 * store's group commit syncs the log and a checkpoint thread checkpoints it, both off the event
 * loop (`durability/`), and an append is acknowledged only after its sync. OFF rather than NORMAL
 * because NORMAL still fsyncs the log's header on this connection each time it writes the log from
 * its start again (`wal-checkpointer.ts`); that header is in the file the store's `fdatasync`
 * covers, and the log is only restarted once the checkpoint thread's connection (NORMAL) has
 * synced the database file. The store sets NORMAL back before it closes, so the last checkpoint
 * syncs the database file before the log is removed.
 */
export function openSqliteDatabase(dataDir = DEFAULT_DATA_DIR, fileName = DEFAULT_FILE_NAME): { database: Database; filePath: string } {
  const filePath = path.resolve(dataDir, fileName);
  let database: Database | undefined;
  try {
    fs.mkdirSync(path.dirname(filePath), { recursive: true });
    database = new BetterSqlite3(filePath);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.pragma('busy_timeout = 5000');
    database.pragma('foreign_keys = ON');
    // Savepoints journal every page they touch; on disk (the build's default) that tripled the cost of an append.
    database.pragma('temp_store = MEMORY');
    runSchemaMigrations(database);
    database.pragma('synchronous = OFF');
    database.pragma('wal_autocheckpoint = 0');
    // When the log is written from its start again, a file a burst grew past this is cut back to it.
    database.pragma(`journal_size_limit = ${LOG_SIZE_LIMIT_BYTES}`);
    return { database, filePath };
  } catch (error) {
    database?.close();
    if (isStorageFailure(error)) throw toStorageUnavailable(error, `open ${filePath}`);
    throw error;
  }
}
