import { performance } from 'node:perf_hooks';
import { createSqliteEventStore } from '@icc/store-sqlite';
import { seedBenchConfiguration } from '../../fixtures/bench-configuration';
import { callbackAppends, type StoreInput, type StoreMeasurement } from './store-workload';

/** Ours: `@icc/store-sqlite` with group commit; `concurrency` appenders, each awaiting its own appends in order. */
export async function measureSqliteStore(input: StoreInput): Promise<StoreMeasurement> {
  const store = createSqliteEventStore({ dataDir: input.dataDir });
  await seedBenchConfiguration(store, input.agents);
  const perCallback = callbackAppends(input);
  const commitsBefore = store.stats().commits;
  let next = 0;
  const appender = async () => {
    for (let index = next++; index < perCallback.length; index = next++) {
      for (const events of perCallback[index] ?? []) await store.append(events);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: input.concurrency }, appender));
  const seconds = (performance.now() - started) / 1000;
  const transactions = store.stats().commits - commitsBefore;
  await store.close();
  const events = perCallback.reduce((sum, appends) => sum + appends.reduce((count, batch) => count + batch.length, 0), 0);
  const appends = perCallback.reduce((sum, appends) => sum + appends.length, 0);
  return { events, appends, seconds, eventsPerSecond: events / seconds, transactions };
}
