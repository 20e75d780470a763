import { IccError, storageUnavailable } from '@icc/core';

const errorCode = (error: unknown): string | undefined => {
  const code: unknown = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
};
const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The server rolled the transaction back on its own: running it again may well succeed. */
export function isSerializationFailure(error: unknown): boolean {
  const code = errorCode(error);
  return code === '40001' || code === '40P01';
}

/**
 * The connection, not the statement, failed: node errors (ECONNRESET…), pg's own "Connection
 * terminated", or SQLSTATE class 08 / 57P01–57P03 (admin shutdown, crash shutdown, cannot connect now).
 */
export function isConnectionFailure(error: unknown): boolean {
  const code = errorCode(error);
  if (code !== undefined && (/^08/.test(code) || /^57P0[123]$/.test(code) || /^E[A-Z]+$/.test(code))) return true;
  return /Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(errorMessage(error));
}

/** A row broke a constraint (SQLSTATE class 23), also as the cause of `toStorageUnavailable`'s error. */
export function isConstraintViolation(error: unknown): boolean {
  const cause: unknown = error instanceof IccError ? error.cause : error;
  return /^23/.test(errorCode(cause) ?? '');
}

/** A failure of the database (not of the request): anything from pg that is not an IccError. */
export function isStorageFailure(error: unknown): boolean {
  return !(error instanceof IccError) && (errorCode(error) !== undefined || isConnectionFailure(error));
}

/** `storage_unavailable` in core's wording (the one store-sqlite uses), keeping the PostgreSQL error as `cause`. */
export function toStorageUnavailable(error: unknown, doing = 'write'): IccError {
  return storageUnavailable(
    { doing, code: `PostgreSQL ${errorCode(error) ?? 'error'}`, reason: errorMessage(error), advice: 'Check the database server (running, disk space, connections), then retry' },
    error,
  );
}
