import { openPostgresEventStore } from '@icc/store-postgres';
import { seedBenchConfiguration } from '../../fixtures/bench-configuration';
import { callbackAppends, runAppenders, type StoreMeasurement } from '../store/store-workload';
import type { PostgresStoreInput } from '../store-postgres/postgres-store-workload';

export interface FencedAppendsInput extends PostgresStoreInput {
  /** `appendFenced` under a live lease (what the ACD's owner writes with), or plain `append`. */
  fenced: boolean;
}

/**
 * The store-postgres workload (`concurrency` appenders, six appends per handled callback) through
 * `appendFenced` or `append` of `@icc/store-postgres`: the fence adds a share-locked read of the
 * lease row to each append's transaction.
 */
export async function measureFencedAppends(input: FencedAppendsInput): Promise<StoreMeasurement> {
  const store = await openPostgresEventStore({ url: input.url });
  try {
    await seedBenchConfiguration(store, input.agents);
    const lease = input.fenced ? await store.leases.acquire('bench-acd', 'bench-harness', 3_600_000) : undefined;
    if (input.fenced && !lease) throw new Error('the bench lease was not granted');
    const append = lease ? (events: Parameters<typeof store.append>[0]) => store.appendFenced(events, lease) : (events: Parameters<typeof store.append>[0]) => store.append(events);
    const measured = await runAppenders(callbackAppends(input), input.concurrency, append);
    return { ...measured, transactions: measured.appends };
  } finally {
    await store.close();
  }
}
