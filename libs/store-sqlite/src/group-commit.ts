import type { Database } from 'better-sqlite3';
import type { IccError } from '@icc/core';
import type { SqliteStatements } from './sqlite-statements';
import { isStorageFailure, toStorageUnavailable } from './storage-unavailable-error';

/** What a transaction does around its writes: keep or drop state staged in memory. */
export interface GroupCommitHooks {
  committed(): void;
  aborted(): void;
  /**
   * Writes the rows that `staged` writes left in memory (all of the group's at once, in a few
   * multi-row statements), then forgets them, also when it throws.
   */
  writeStaged?(): void;
}

export interface EnqueueOptions {
  /**
   * When the write is called with `batched` true, it runs no SQL itself: it leaves rows for
   * `hooks.writeStaged`, and throws (if it does) before leaving any, so it needs no savepoint.
   * Should writing the group's rows break a constraint, the group is rolled back and run again
   * with `batched` false, each write under its own savepoint writing its own rows, so only the
   * offending write rejects, as without staging.
   */
  staged?: boolean;
}

export interface GroupCommit {
  /** Runs `write` inside the next group transaction; resolves with its result once committed and synced. */
  enqueue<Result>(write: (batched: boolean) => Result, options?: EnqueueOptions): Promise<Result>;
  /** Writes everything queued now, in one transaction (synchronously), paused or not; its writes settle once synced. */
  flush(): void;
  /**
   * Stops committing until the returned function has been called (once per pause): writes queue
   * meanwhile and go in one group when the last pause ends.
   */
  pause(): () => void;
  /** Resolves once every transaction committed so far (by the group or not) is synced to disk. */
  durable(): Promise<void>;
  commits(): number;
  /** fsyncs of the log: one acknowledges every group committed before it started. */
  syncs(): number;
}

/** Syncs the log: everything committed before the call is durable when it resolves. */
export type SyncCommitted = () => Promise<void>;

interface QueuedWrite {
  write(batched: boolean): unknown;
  staged: boolean;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** A committed group (or a `durable()` call) waiting for the sync that acknowledges it. */
interface AwaitingSync {
  synced(): void;
  failed(error: IccError): void;
}

/**
 * Group commit: writes queued in the same tick (or within `delayMs`) share one transaction, so
 * one fsync acknowledges them all. Each write of a group of several runs under its own SAVEPOINT:
 * if it throws, only its changes are rolled back and only its promise rejects (a lone write that
 * throws rolls the transaction back, with the same effect). A `staged` write needs none: it
 * writes nothing until the group's rows are written together, just before COMMIT. A storage
 * failure aborts the whole transaction, and every write in it rejects with `storage_unavailable`.
 *
 * COMMIT does not wait for the disk (`synchronous=OFF`): a committed group settles its writes
 * only once `syncCommitted` (run off the event loop) has made it durable. One sync is in flight at
 * a time; groups committed meanwhile wait for the next one, so while the disk works the loop goes on
 * committing. A failed sync leaves the disk's content unknown: every waiting write rejects with
 * `storage_unavailable`, and so does every later one, until the store is opened again.
 */
export function createGroupCommit(
  database: Database,
  statements: SqliteStatements,
  hooks: GroupCommitHooks,
  delayMs: number,
  syncCommitted: SyncCommitted,
): GroupCommit {
  let queue: QueuedWrite[] = [];
  let scheduled: { cancel(): void } | undefined;
  let commits = 0;
  let syncs = 0;
  let awaitingSync: AwaitingSync[] = [];
  let syncing = false;
  let syncFailure: IccError | undefined;
  let pauses = 0;

  const awaitSync = (waiter: AwaitingSync) => {
    if (syncFailure) return waiter.failed(syncFailure);
    awaitingSync.push(waiter);
    if (!syncing) void syncLoop();
  };

  async function syncLoop(): Promise<void> {
    syncing = true;
    try {
      while (awaitingSync.length > 0) {
        const synced = awaitingSync;
        awaitingSync = [];
        try {
          await syncCommitted();
        } catch (error) {
          syncFailure = toStorageUnavailable(error, 'sync its log to disk');
          for (const waiter of [...synced, ...awaitingSync]) waiter.failed(syncFailure);
          awaitingSync = [];
          return;
        }
        syncs += 1;
        for (const waiter of synced) waiter.synced();
      }
    } finally {
      // Cleared in the same turn the loop ends in: a group committed after it starts a new loop.
      syncing = false;
    }
  }

  const flushUnlessPaused = () => {
    scheduled = undefined;
    if (pauses === 0) flush();
  };

  const schedule = () => {
    if (scheduled || pauses > 0) return;
    if (delayMs > 0) {
      const timer = setTimeout(flushUnlessPaused, delayMs);
      scheduled = { cancel: () => clearTimeout(timer) };
    } else {
      const immediate = setImmediate(flushUnlessPaused);
      scheduled = { cancel: () => clearImmediate(immediate) };
    }
  };

  const pause = () => {
    pauses += 1;
    let resumed = false;
    return () => {
      if (resumed) return;
      resumed = true;
      pauses -= 1;
      if (pauses === 0 && queue.length > 0) schedule();
    };
  };

  function flush(): void {
    scheduled?.cancel();
    scheduled = undefined;
    const group = queue;
    queue = [];
    if (group.length === 0) return;
    if (syncFailure) return group.forEach((queued) => queued.reject(syncFailure));
    let outcomes: Outcome[];
    try {
      outcomes = runGroup(group, true);
    } catch (error) {
      if (!(error instanceof StagedRowsRefused)) return abort(group, error);
      // A staged row broke a constraint: find whose, one write at a time.
      rollbackQuietly(database, statements);
      hooks.aborted();
      try {
        outcomes = runGroup(group, false);
      } catch (retryError) {
        return abort(group, retryError);
      }
    }
    hooks.committed();
    const settled = outcomes;
    awaitSync({
      synced: () =>
        group.forEach((queued, index) => {
          const outcome = settled[index] as Outcome;
          if (outcome.ok) queued.resolve(outcome.value);
          else queued.reject(outcome.error);
        }),
      failed: (failure) =>
        group.forEach((queued, index) => {
          const outcome = settled[index] as Outcome;
          queued.reject(outcome.ok ? failure : outcome.error);
        }),
    });
  }

  /** One transaction: every write, then (batched) the rows staged writes left, then COMMIT. */
  function runGroup(group: QueuedWrite[], batched: boolean): Outcome[] {
    const outcomes: Outcome[] = [];
    try {
      statements.begin.run();
      const only = group.length === 1 ? (group[0] as QueuedWrite) : undefined;
      if (only && !(batched && only.staged)) {
        // A lone write needs no savepoint: if it throws, rolling back the whole transaction undoes just it.
        outcomes.push({ ok: true, value: only.write(false) });
      } else {
        for (const queued of group) {
          if (batched && queued.staged) outcomes.push(runStaged(queued));
          else outcomes.push(runInSavepoint(database, statements, queued));
        }
      }
      if (batched) writeStagedRows();
      statements.commit.run();
      commits += 1;
      return outcomes;
    } catch (error) {
      if (error instanceof StagedRowsRefused) throw error;
      throw new GroupFailed(outcomes, error);
    }
  }

  function writeStagedRows(): void {
    try {
      hooks.writeStaged?.();
    } catch (error) {
      if (isStorageFailure(error) || !database.inTransaction) throw error;
      throw new StagedRowsRefused(error);
    }
  }

  function abort(group: QueuedWrite[], error: unknown): void {
    const outcomes = error instanceof GroupFailed ? error.outcomes : [];
    const cause = error instanceof GroupFailed ? error.cause : error;
    rollbackQuietly(database, statements);
    hooks.aborted();
    const failure = isStorageFailure(cause) ? toStorageUnavailable(cause) : cause;
    group.forEach((queued, index) => {
      const outcome = outcomes[index];
      queued.reject(outcome && !outcome.ok ? outcome.error : failure);
    });
  }

  return {
    enqueue<Result>(write: (batched: boolean) => Result, options: EnqueueOptions = {}) {
      return new Promise<Result>((resolve, reject) => {
        if (syncFailure) return reject(syncFailure);
        queue.push({ write, staged: options.staged === true, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      });
    },
    flush,
    pause,
    durable: () => new Promise<void>((resolve, reject) => awaitSync({ synced: resolve, failed: reject })),
    commits: () => commits,
    syncs: () => syncs,
  };
}

/** A staged write runs no SQL: when it throws, there is nothing to roll back. */
function runStaged(queued: QueuedWrite): Outcome {
  try {
    return { ok: true, value: queued.write(true) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Writing the rows staged writes left broke a constraint (not a storage failure): the group is run again unbatched. */
class StagedRowsRefused extends Error {
  constructor(readonly reason: unknown) {
    super('staged rows refused');
  }
}

/** The group's transaction failed: the outcomes of the writes that had run, and why. */
class GroupFailed extends Error {
  constructor(
    readonly outcomes: Outcome[],
    override readonly cause: unknown,
  ) {
    super('group failed');
  }
}

function runInSavepoint(database: Database, statements: SqliteStatements, queued: QueuedWrite): Outcome {
  statements.savepoint.run();
  try {
    const value = queued.write(false);
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
