import { createSqliteEventStore } from '@icc/store-sqlite';
import { seedBenchConfiguration } from '../../fixtures/bench-configuration';
import { callbackAppends, runAppenders, type StoreInput, type StoreMeasurement } from './store-workload';

/** Ours: `@icc/store-sqlite` with group commit; `concurrency` appenders, each awaiting its own appends in order. */
export async function measureSqliteStore(input: StoreInput): Promise<StoreMeasurement> {
  const store = createSqliteEventStore({ dataDir: input.dataDir });
  await seedBenchConfiguration(store, input.agents);
  const commitsBefore = store.stats().commits;
  const measured = await runAppenders(callbackAppends(input), input.concurrency, (events) => store.append(events));
  const transactions = store.stats().commits - commitsBefore;
  await store.close();
  return { ...measured, transactions };
}
