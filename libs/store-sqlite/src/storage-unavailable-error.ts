import { storageUnavailable, type IccError } from '@icc/core';

const STORAGE_CODES = /^(SQLITE_(FULL|READONLY|IOERR|CANTOPEN|BUSY|LOCKED)|ENOSPC|EROFS|EACCES|EPERM|EIO)/;

/** The disk, not the request, is at fault: full, read-only, locked or failing. */
export function isStorageFailure(error: unknown): boolean {
  // Not `instanceof Error`: the native addon may build SqliteError in another realm (jest
  // loads the addon once per process but the JS wrapper once per test file).
  const code: unknown = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && STORAGE_CODES.test(code);
}

/** `storage_unavailable` in core's wording, keeping the SQLite error as `cause`. */
export function toStorageUnavailable(error: unknown, doing = 'write'): IccError {
  const code = (error as { code?: string }).code ?? 'unknown';
  const reason = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
  return storageUnavailable({ doing, code, reason, advice: "Free disk space or fix the data directory's permissions, then retry" }, error);
}
