import { IccError } from '@icc/core';
import { isConnectionFailure, isSerializationFailure, isStorageFailure, toStorageUnavailable } from './postgres-errors';

const pgError = (code: string, message = 'boom') => Object.assign(new Error(message), { code });

describe('PostgreSQL errors', () => {
  it('retries serialization failures and deadlocks, nothing else of the server', () => {
    expect(isSerializationFailure(pgError('40001'))).toBe(true);
    expect(isSerializationFailure(pgError('40P01'))).toBe(true);
    expect(isSerializationFailure(pgError('23505'))).toBe(false);
  });

  it('knows a lost connection from a failed statement', () => {
    expect(isConnectionFailure(pgError('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(isConnectionFailure(pgError('08006'))).toBe(true);
    expect(isConnectionFailure(pgError('ECONNRESET'))).toBe(true);
    expect(isConnectionFailure(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isConnectionFailure(pgError('53100', 'could not extend file: No space left on device'))).toBe(false);
  });

  it('answers disk full (53100) and any other server failure as storage_unavailable, and lets request errors through', () => {
    const diskFull = pgError('53100', 'could not extend file "base/16384/16385": No space left on device');
    expect(isStorageFailure(diskFull)).toBe(true);
    expect(toStorageUnavailable(diskFull)).toMatchObject({ code: 'storage_unavailable', cause: diskFull });
    expect(toStorageUnavailable(diskFull).message).toMatch(/^The event store cannot write \(PostgreSQL 53100: could not extend file/);
    expect(isStorageFailure(new IccError('validation_failed', 'bad'))).toBe(false);
  });
});
