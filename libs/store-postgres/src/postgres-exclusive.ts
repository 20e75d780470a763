import type { Pool } from 'pg';
import { isStorageFailure, toStorageUnavailable } from './postgres-errors';

/** Advisory-lock class of `exclusive`; the name is hashed into the second key. */
const EXCLUSIVE_LOCK_CLASS = 0x1cc0_0004;
/**
 * How long work may hold a name: longer than any work under it (a booking check and the forwarded
 * write, whose hop times out after 15 s), short enough that a paused gateway frees it on its own.
 */
const HOLD_LIMIT = '30s';

/** Runs work under a name that one caller across every gateway holds at a time. */
export type Exclusive = <Result>(name: string, work: () => Promise<Result>) => Promise<Result>;

/**
 * A transaction-level advisory lock on a connection of its own, held while `work` runs (its
 * queries use the pool as usual). The lock belongs to that transaction: a gateway that dies loses
 * the connection and with it the lock, and one that is paused (SIGSTOP, a partition) has its
 * session ended by the server after `HOLD_LIMIT` idle in the transaction, so no one waits on a
 * holder that cannot go on.
 */
export function createPostgresExclusive(pool: Pool): Exclusive {
  const unavailable = (error: unknown) => (isStorageFailure(error) ? toStorageUnavailable(error, 'lock') : error);
  return async (name, work) => {
    const client = await pool.connect().catch((error: unknown) => {
      throw unavailable(error);
    });
    let broken: Error | undefined;
    try {
      try {
        await client.query('BEGIN');
        await client.query(`SET LOCAL idle_in_transaction_session_timeout = '${HOLD_LIMIT}'`);
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [EXCLUSIVE_LOCK_CLASS, name]);
      } catch (error) {
        broken = error as Error;
        throw unavailable(error);
      }
      try {
        return await work();
      } finally {
        // Ending the transaction releases the lock; if that fails the connection is destroyed, which does too.
        await client.query('COMMIT').catch((error: unknown) => {
          broken = error as Error;
        });
      }
    } finally {
      client.release(broken);
    }
  };
}
