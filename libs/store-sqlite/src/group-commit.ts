import type { Database } from 'better-sqlite3';
import type { SqliteStatements } from './sqlite-statements';
import { isStorageFailure, toStorageUnavailable } from './storage-unavailable-error';

/** What a transaction does around its writes: keep or drop state staged in memory. */
export interface GroupCommitHooks {
  committed(): void;
  aborted(): void;
}

export interface GroupCommit {
  /** Runs `write` inside the next group transaction; resolves with its result once committed. */
  enqueue<Result>(write: () => Result): Promise<Result>;
  /** Writes everything queued now, in one transaction (synchronously). */
  flush(): void;
  commits(): number;
}

interface QueuedWrite {
  write(): unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit: writes queued in the same tick (or within `delayMs`) share one transaction, so
 * one fsync acknowledges them all. Each write of a group of several runs under its own SAVEPOINT:
 * if it throws, only its changes are rolled back and only its promise rejects (a lone write that
 * throws rolls the transaction back, with the same effect). A storage failure aborts the whole
 * transaction, and every write in it rejects with `storage_unavailable`.
 */
export function createGroupCommit(
  database: Database,
  statements: SqliteStatements,
  hooks: GroupCommitHooks,
  delayMs: number,
): GroupCommit {
  let queue: QueuedWrite[] = [];
  let scheduled: { cancel(): void } | undefined;
  let commits = 0;

  const schedule = () => {
    if (scheduled) return;
    if (delayMs > 0) {
      const timer = setTimeout(flush, delayMs);
      scheduled = { cancel: () => clearTimeout(timer) };
    } else {
      const immediate = setImmediate(flush);
      scheduled = { cancel: () => clearImmediate(immediate) };
    }
  };

  function flush(): void {
    scheduled?.cancel();
    scheduled = undefined;
    const group = queue;
    queue = [];
    if (group.length === 0) return;
    const outcomes: Outcome[] = [];
    try {
      statements.begin.run();
      // A lone write needs no savepoint: if it throws, rolling back the whole transaction undoes just it.
      if (group.length === 1) outcomes.push({ ok: true, value: (group[0] as QueuedWrite).write() });
      else for (const queued of group) outcomes.push(runInSavepoint(database, statements, queued));
      statements.commit.run();
      commits += 1;
    } catch (error) {
      rollbackQuietly(database, statements);
      hooks.aborted();
      const failure = isStorageFailure(error) ? toStorageUnavailable(error) : error;
      group.forEach((queued, index) => {
        const outcome = outcomes[index];
        queued.reject(outcome && !outcome.ok ? outcome.error : failure);
      });
      return;
    }
    hooks.committed();
    group.forEach((queued, index) => {
      const outcome = outcomes[index] as Outcome;
      if (outcome.ok) queued.resolve(outcome.value);
      else queued.reject(outcome.error);
    });
  }

  return {
    enqueue<Result>(write: () => Result) {
      return new Promise<Result>((resolve, reject) => {
        queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      });
    },
    flush,
    commits: () => commits,
  };
}

function runInSavepoint(database: Database, statements: SqliteStatements, queued: QueuedWrite): Outcome {
  statements.savepoint.run();
  try {
    const value = queued.write();
    statements.release.run();
    return { ok: true, value };
  } catch (error) {
    // SQLite rolls the whole transaction back by itself on some errors: nothing left to keep.
    if (isStorageFailure(error) || !database.inTransaction) throw error;
    statements.rollbackToSavepoint.run();
    statements.release.run();
    return { ok: false, error };
  }
}

/** SQLite may already have rolled back (it does on SQLITE_FULL); never mask the first error. */
function rollbackQuietly(database: Database, statements: SqliteStatements): void {
  try {
    if (database.inTransaction) statements.rollback.run();
  } catch {
    // the connection reports the cause on its next statement
  }
}
