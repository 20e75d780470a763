import { join } from 'node:path';
import { runTaskInChild } from '../../process/run-task-in-child';
import type { MetricRow } from '../../report/metric-row';
import type { BenchScenario } from '../bench-scenario';
import type { StoreInput } from './store-workload';

const NAME = '3 store';

export const storeScenario: BenchScenario = {
  id: 'store',
  title: 'Store: durable event appends/s, group commit under concurrent appenders vs raw better-sqlite3',
  async run(context) {
    const sizes = context.quick ? { callbacks: 64, concurrency: 32, agents: 20 } : { callbacks: 4_000, concurrency: 64, agents: 1_000 };
    // One fsync per append is slow by design: a small sample gives its rate (skipped in smoke runs).
    const perAppendCallbacks = context.quick ? 0 : 300;
    const input = (name: string, callbacks = sizes.callbacks): StoreInput => ({ ...sizes, callbacks, dataDir: join(context.tempDir(`store-${name}`), 'data') });
    context.log(`store: ${sizes.callbacks.toLocaleString('en-US')} handled callbacks (${(sizes.callbacks * 7).toLocaleString('en-US')} events), ${sizes.concurrency} appenders`);
    const grouped = await runTaskInChild('measureRawSqlite', { ...input('raw-group'), transactionPer: 'group' });
    const perAppend =
      perAppendCallbacks > 0
        ? await runTaskInChild('measureRawSqlite', { ...input('raw-append', perAppendCallbacks), transactionPer: 'append' })
        : undefined;
    const ours = await runTaskInChild('measureSqliteStore', input('ours'));
    const load = `saturated, ${sizes.concurrency} appenders`;
    const rows: MetricRow[] = [
      { scenario: NAME, metric: 'appends vs raw, tx per group', unit: 'events/s', ours: ours.eventsPerSecond, baseline: grouped.eventsPerSecond, target: { minRatio: 0.6 }, load },
    ];
    if (perAppend) rows.push({ scenario: NAME, metric: 'appends vs raw, tx per append', unit: 'events/s', ours: ours.eventsPerSecond, baseline: perAppend.eventsPerSecond, load });
    return {
      rows,
      loadDerivation: `capacity against capacity: ${sizes.concurrency} appenders on each side append as fast as each append completes, ${sizes.callbacks.toLocaleString('en-US')} callbacks`,
      details: { sizes, ours, rawTransactionPerGroup: grouped, ...(perAppend ? { rawTransactionPerAppend: perAppend } : {}) },
    };
  },
};
