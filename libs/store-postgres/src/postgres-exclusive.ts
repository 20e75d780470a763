import type { Pool } from 'pg';
import { isStorageFailure, toStorageUnavailable } from './postgres-errors';

/** Advisory-lock class of `exclusive`; the name is hashed into the second key. */
const EXCLUSIVE_LOCK_CLASS = 0x1cc0_0004;

/** Runs work under a name that one caller across every gateway holds at a time. */
export type Exclusive = <Result>(name: string, work: () => Promise<Result>) => Promise<Result>;

/**
 * A session advisory lock on a connection of its own, held while `work` runs (its queries use the
 * pool as usual). The lock is the connection's: a gateway that dies mid-work loses the connection
 * and with it the lock, so no one waits on a dead holder.
 */
export function createPostgresExclusive(pool: Pool): Exclusive {
  return async (name, work) => {
    const client = await pool.connect().catch((error: unknown) => {
      throw isStorageFailure(error) ? toStorageUnavailable(error, 'lock') : error;
    });
    let broken: Error | undefined;
    try {
      await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [EXCLUSIVE_LOCK_CLASS, name]).catch((error: unknown) => {
        broken = error as Error;
        throw isStorageFailure(error) ? toStorageUnavailable(error, 'lock') : error;
      });
      try {
        return await work();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [EXCLUSIVE_LOCK_CLASS, name]).catch((error: unknown) => {
          // Unlocking failed: the connection is suspect, so it is destroyed (which releases the lock).
          broken = error as Error;
        });
      }
    } finally {
      client.release(broken);
    }
  };
}
