import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { POSTGRES_BIN_DIR, startThrowawayPostgres } from '@icc/store-postgres/testing';
import { runTaskInChild } from '../../process/run-task-in-child';
import type { MetricRow } from '../../report/metric-row';
import type { BenchScenario } from '../bench-scenario';
import type { PostgresStoreInput } from './postgres-store-workload';

const NAME = '3 store, PostgreSQL';

export const storePostgresScenario: BenchScenario = {
  id: 'store-postgres',
  title: 'Store on PostgreSQL 15: durable event appends/s, @icc/store-postgres vs raw pg batched inserts on the same server',
  async run(context) {
    if (!existsSync(join(POSTGRES_BIN_DIR, 'initdb'))) {
      return { rows: [], details: {}, skipped: `PostgreSQL 15 binaries not found in ${POSTGRES_BIN_DIR} (apt-get install postgresql, or set ICC_PG_BIN)` };
    }
    // Fewer callbacks than the SQLite scenario: every append is its own fsync'd transaction here.
    const sizes = context.quick ? { callbacks: 64, concurrency: 32, agents: 20 } : { callbacks: 1_000, concurrency: 64, agents: 1_000 };
    const perAppendCallbacks = Math.min(sizes.callbacks, 300);
    // One server for ours and both baselines, durable like production: fsync and full_page_writes on.
    const server = await startThrowawayPostgres({ durable: true });
    context.defer(() => server.stop());
    const input = async (database: string, callbacks = sizes.callbacks): Promise<PostgresStoreInput> => ({ ...sizes, callbacks, url: await server.createDatabase(database) });
    context.log(`store-postgres: ${sizes.callbacks.toLocaleString('en-US')} handled callbacks (${(sizes.callbacks * 7).toLocaleString('en-US')} events), ${sizes.concurrency} appenders, PostgreSQL on port ${server.port}`);
    const grouped = await runTaskInChild('measureRawPostgres', { ...(await input('raw_group')), transactionPer: 'group' });
    const perAppend = await runTaskInChild('measureRawPostgres', { ...(await input('raw_append', perAppendCallbacks)), transactionPer: 'append' });
    const ours = await runTaskInChild('measurePostgresStore', await input('ours'));
    // The issue sets no target for PostgreSQL: these rows are for information.
    const rows: MetricRow[] = [
      { scenario: NAME, metric: 'appends vs raw pg, tx per group', unit: 'events/s', ours: ours.eventsPerSecond, baseline: grouped.eventsPerSecond, load: `saturated, ${sizes.concurrency} appenders` },
      { scenario: NAME, metric: 'appends vs raw pg, tx per append', unit: 'events/s', ours: ours.eventsPerSecond, baseline: perAppend.eventsPerSecond, load: `saturated, ${sizes.concurrency} appenders` },
    ];
    return {
      rows,
      details: {
        sizes,
        server: { fsync: 'on', fullPageWrites: 'on', synchronousCommit: 'on' },
        ours,
        rawTransactionPerGroup: grouped,
        rawTransactionPerAppend: perAppend,
        intakeThroughGateway: 'not measured: the gateway reads its store synchronously and runs on SQLite only until it takes the async store port',
      },
    };
  },
};
