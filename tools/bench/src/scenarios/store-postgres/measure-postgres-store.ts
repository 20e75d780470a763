import { openPostgresEventStore } from '@icc/store-postgres';
import { seedBenchConfiguration } from '../../fixtures/bench-configuration';
import { callbackAppends, runAppenders } from '../store/store-workload';
import { measurePostgresStorage } from './measure-postgres-storage';
import type { PostgresStoreInput, PostgresStoreMeasurement } from './postgres-store-workload';

/** Tables of `@icc/store-postgres` the workload writes: the log and the read models. */
const STORE_TABLES = ['events', 'interactions', 'callbacks', 'agents', 'queue_totals', 'missed_offers'];

/**
 * Ours: `@icc/store-postgres` (default pool and timeouts); `concurrency` appenders, each awaiting its
 * own appends in order. Appends that wait while one commits share the next transaction (group commit).
 */
export async function measurePostgresStore(input: PostgresStoreInput): Promise<PostgresStoreMeasurement> {
  const store = await openPostgresEventStore({ url: input.url });
  await seedBenchConfiguration(store, input.agents);
  const commitsBefore = store.stats().commits;
  const measured = await runAppenders(callbackAppends(input), input.concurrency, (events) => store.append(events));
  const transactions = store.stats().commits - commitsBefore;
  await store.close();
  return { ...measured, transactions, storage: await measurePostgresStorage(input.url, STORE_TABLES) };
}
