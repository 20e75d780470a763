import type { PostgresMigration } from './postgres-migration';

/**
 * Leases: which gateway runs a queue's ACD (or a vendor's once-only work) and with which fencing
 * token. Expiry is the server's `clock_timestamp()`, never a gateway's clock.
 */
export const migration0003Leases: PostgresMigration = {
  version: 3,
  name: 'leases',
  sql: `
    CREATE TABLE leases (
      name text COLLATE "C" PRIMARY KEY,
      holder text NOT NULL,
      token bigint NOT NULL CHECK (token > 0),
      expires_at timestamptz NOT NULL
    );
  `,
};
