import type { Callback, IccEvent, Interaction } from '@icc/protocol';
import { queryDatabase } from '@icc/store-postgres/testing';
import type { DurableState } from './durable-state';

const SETTLE_TIMEOUT_MS = 10_000;

/** What the gateway's PostgreSQL database holds: the log and the read models, as committed. */
export async function readDurableStateFromPostgres(url: string): Promise<DurableState> {
  const bodies = async <Body>(sql: string) => (await queryDatabase<{ body: Body }>(url, sql)).map((row) => row.body);
  const [events, interactions, callbacks, keys] = await Promise.all([
    bodies<IccEvent>('SELECT body FROM events ORDER BY seq'),
    bodies<Interaction>('SELECT body FROM interactions'),
    bodies<Callback>('SELECT body FROM callbacks'),
    queryDatabase<{ id: string; key: string }>(url, 'SELECT id, idempotency_key AS key FROM callbacks WHERE idempotency_key IS NOT NULL'),
  ]);
  return {
    events,
    interactions: new Map(interactions.map((view) => [view.id, view])),
    callbacks: new Map(callbacks.map((callback) => [callback.id, callback])),
    callbackIdByKey: new Map(keys.map((row) => [row.key, row.id])),
  };
}

/**
 * The state a SIGKILLed gateway left: read once the server has ended every session of it, so each
 * transaction it had begun is committed or rolled back for good (a COMMIT already sent still lands).
 */
export async function readDurableStateOfDeadPostgresGateway(url: string): Promise<DurableState> {
  const giveUpAt = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    const [{ sessions }] = (await queryDatabase<{ sessions: number }>(
      url,
      'SELECT count(*)::int AS sessions FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    )) as [{ sessions: number }];
    if (sessions === 0) break;
    if (Date.now() > giveUpAt) throw new Error(`the dead gateway still has ${sessions} session(s) on the database after ${SETTLE_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return readDurableStateFromPostgres(url);
}
