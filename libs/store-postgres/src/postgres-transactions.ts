import type { Pool, PoolClient, QueryResult } from 'pg';
import { isConnectionFailure, isSerializationFailure, isStorageFailure, toStorageUnavailable } from './postgres-errors';

export interface TransactionOptions {
  /** Attempts in all, retries included. */
  attempts: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` in one transaction and retries it on a serialization failure or deadlock, and on a
 * connection lost BEFORE the commit was sent (the server rolled it back: nothing was written).
 * A connection lost during COMMIT is never retried: the outcome is unknown, so the caller gets
 * `storage_unavailable` and nothing is acknowledged. Errors of the request (IccError) pass through.
 */
export async function inTransaction<Result>(
  pool: Pool,
  options: TransactionOptions,
  work: (client: PoolClient, opened: readonly QueryResult[]) => Promise<Result>,
  doing = 'write',
  /**
   * Statements sent with BEGIN, in its round trip (one simple-protocol query: literals only, no
   * `$n`). Each still runs with a snapshot of its own, in order. Their results go to `work`.
   */
  opening: readonly string[] = [],
): Promise<Result> {
  for (let attempt = 1; ; attempt += 1) {
    let client: PoolClient | undefined;
    let committing = false;
    try {
      client = await pool.connect();
      const begun = await client.query(['BEGIN', ...opening].join(';\n'));
      // One statement answers one result; several, an array of them (BEGIN's first).
      const result = await work(client, Array.isArray(begun) ? (begun as QueryResult[]).slice(1) : []);
      committing = true;
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      const broken = isConnectionFailure(error);
      if (client) {
        if (!broken) await client.query('ROLLBACK').catch(() => undefined);
        // A broken connection is destroyed, not returned to the pool.
        client.release(broken ? (error as Error) : undefined);
      }
      const retry = !committing && (isSerializationFailure(error) || broken);
      if (retry && attempt < options.attempts) {
        await pause(Math.min(1_000, 20 * 2 ** attempt) * (0.5 + Math.random() / 2));
        continue;
      }
      throw isStorageFailure(error) ? toStorageUnavailable(error, doing) : error;
    }
  }
}
