import type { PoolClient } from 'pg';
import { IccError } from '@icc/core';
import { migration0001Initial } from './0001-initial';
import { migration0002WebhookSubscriptions } from './0002-webhook-subscriptions';
import { migration0003Leases } from './0003-leases';
import { migration0004OpenCallbacks } from './0004-open-callbacks';
import type { PostgresMigration } from './postgres-migration';

export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  migration0001Initial,
  migration0002WebhookSubscriptions,
  migration0003Leases,
  migration0004OpenCallbacks,
];

/** Session-level advisory lock key taken while migrating ('icc-migrate' as int). */
export const MIGRATION_LOCK_KEY = 0x1cc0_0001;

/**
 * Applies the migrations not yet recorded, each in its own transaction, under a session advisory
 * lock: gateways starting at once wait for the first, then find nothing left to do.
 */
export async function runPostgresMigrations(client: PoolClient, migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS): Promise<number[]> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => row.version));
    const newest = Math.max(0, ...migrations.map((migration) => migration.version));
    const unknown = [...applied].filter((version) => version > newest);
    if (unknown.length > 0) {
      throw new IccError('storage_unavailable', `The database has schema version ${Math.max(...unknown)}, newer than this build knows (${newest}); run a newer build`);
    }
    const pending = [...migrations].sort((a, b) => a.version - b.version).filter((migration) => !applied.has(migration.version));
    for (const migration of pending) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await migration.backfill?.(client);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    }
    return pending.map((migration) => migration.version);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
  }
}
