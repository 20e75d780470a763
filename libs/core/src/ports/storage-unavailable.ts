import { IccError } from '../errors';

/** What a store knows about a failure of its storage (disk, database server), for `storageUnavailable`. */
export interface StorageFailure {
  /** What the store was doing: "write", "read", "rebuild its projections". */
  doing: string;
  /** The storage's own code (SQLITE_FULL, ENOSPC, PostgreSQL SQLSTATE 53100…). */
  code: string;
  reason: string;
  /** What the operator should do. */
  advice: string;
}

/**
 * `storage_unavailable` (HTTP 503): the storage, not the request, is at fault and nothing was
 * saved. One wording for every store, keeping the storage's error as `cause`.
 */
export function storageUnavailable(failure: StorageFailure, cause: unknown): IccError {
  const error = new IccError(
    'storage_unavailable',
    `The event store cannot ${failure.doing} (${failure.code}: ${failure.reason}); nothing was saved. ${failure.advice}`,
  );
  error.cause = cause;
  return error;
}
