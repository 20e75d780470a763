import { escapeLiteral, type Pool, type PoolClient, type QueryResult } from 'pg';
import { LeaseLostError, type Lease, type LeaseStore } from '@icc/core';
import { inTransaction, type TransactionOptions } from './postgres-transactions';
import { isStorageFailure, toStorageUnavailable } from './postgres-errors';

interface LeaseRow {
  name: string;
  holder: string;
  token: number;
  expires_at_ms: number;
}

const COLUMNS = 'name, holder, token, (extract(epoch FROM expires_at) * 1000)::bigint AS expires_at_ms';
const RETURNING = `RETURNING ${COLUMNS}`;
const toLease = (row: LeaseRow | undefined): Lease | undefined =>
  row && { name: row.name, holder: row.holder, token: row.token, expiresAtMs: row.expires_at_ms };

/**
 * Leases in the `leases` table, timed by the server's `clock_timestamp()` so that gateways whose
 * clocks disagree still agree on who holds what. Every change is one statement: the row lock
 * orders contenders, exactly one wins a free lease.
 */
export function createPostgresLeases(pool: Pool, options: TransactionOptions): LeaseStore {
  const write = (sql: string, params: unknown[]) =>
    inTransaction(pool, options, async (client) => toLease((await client.query<LeaseRow>(sql, params)).rows[0]), 'lease');
  return {
    acquire: (name, holder, ttlMs) =>
      write(
        `INSERT INTO leases AS held (name, holder, token, expires_at) VALUES ($1, $2, 1, clock_timestamp() + $3 * interval '1 millisecond')
         ON CONFLICT (name) DO UPDATE SET
           token = CASE WHEN held.holder = excluded.holder AND held.expires_at > clock_timestamp() THEN held.token ELSE held.token + 1 END,
           holder = excluded.holder,
           -- Not excluded.expires_at: that was computed before this statement waited for the row lock.
           expires_at = clock_timestamp() + $3 * interval '1 millisecond'
         WHERE held.holder = excluded.holder OR held.expires_at <= clock_timestamp()
         ${RETURNING}`,
        [name, holder, ttlMs],
      ),
    renew: (lease, ttlMs) =>
      write(
        `UPDATE leases SET expires_at = clock_timestamp() + $4 * interval '1 millisecond'
         WHERE name = $1 AND holder = $2 AND token = $3 AND expires_at > clock_timestamp() ${RETURNING}`,
        [lease.name, lease.holder, lease.token, ttlMs],
      ),
    async release(lease) {
      await write('UPDATE leases SET expires_at = clock_timestamp() WHERE name = $1 AND holder = $2 AND token = $3 AND expires_at > clock_timestamp()', [
        lease.name,
        lease.holder,
        lease.token,
      ]);
    },
    current: async (name) => {
      try {
        return toLease((await pool.query<LeaseRow>(`SELECT ${COLUMNS} FROM leases WHERE name = $1`, [name])).rows[0]);
      } catch (error) {
        throw isStorageFailure(error) ? toStorageUnavailable(error, 'read') : error;
      }
    },
  };
}

/**
 * Inside a write's transaction: refuses it unless `lease` is live with its token. The row is
 * share-locked until COMMIT, so a takeover (which updates the row) waits for this write to commit:
 * nothing written under an old token can land after the new holder took over.
 */
export async function assertLeaseHeld(client: PoolClient, lease: Lease): Promise<void> {
  assertLeaseFound(await client.query(leaseHeldStatement(lease)), lease);
}

/** `assertLeaseHeld`'s statement, values inlined (escaped), for a round trip shared with others (`inTransaction`'s opening statements). */
export function leaseHeldStatement(lease: Lease): string {
  if (!Number.isSafeInteger(lease.token)) throw new LeaseLostError(lease);
  return `SELECT 1 FROM leases WHERE name = ${escapeLiteral(lease.name)} AND holder = ${escapeLiteral(lease.holder)}
    AND token = ${lease.token} AND expires_at > clock_timestamp() FOR SHARE`;
}

/** Refuses the write unless `leaseHeldStatement` found the lease's row. */
export function assertLeaseFound(result: QueryResult | undefined, lease: Lease): void {
  if (result?.rowCount !== 1) throw new LeaseLostError(lease);
}
