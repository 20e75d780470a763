import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { POSTGRES_BIN_DIR, startThrowawayPostgres } from '@icc/store-postgres/testing';
import { runTaskInChild } from '../../process/run-task-in-child';
import type { MetricRow } from '../../report/metric-row';
import type { BenchScenario } from '../bench-scenario';
import type { PostgresStoreInput } from './postgres-store-workload';
import { measureSaturatedIntake } from '../intake/saturated-intake';

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
    // Intake through the real gateway on this server, against bare express measured right after it.
    const intakeLoad = { connections: 64, seconds: context.quick ? 1.5 : 10, warmupSeconds: context.quick ? 0.5 : 3 };
    const intakeOnPostgres = await measureSaturatedIntake(context, 'intake-gateway-postgres', 'scenarios/intake/gateway-intake-child.ts', [await server.createDatabase('intake')], intakeLoad);
    const intakeExpress = await measureSaturatedIntake(context, 'intake-express-postgres-run', 'scenarios/intake/express-intake-child.ts', [], intakeLoad);
    // The issue sets no target for PostgreSQL: these rows are for information (errors aside).
    const rows: MetricRow[] = [
      { scenario: NAME, metric: 'appends vs raw pg, tx per group', unit: 'events/s', ours: ours.eventsPerSecond, baseline: grouped.eventsPerSecond, load: `saturated, ${sizes.concurrency} appenders` },
      { scenario: NAME, metric: 'appends vs raw pg, tx per append', unit: 'events/s', ours: ours.eventsPerSecond, baseline: perAppend.eventsPerSecond, load: `saturated, ${sizes.concurrency} appenders` },
      {
        scenario: NAME,
        metric: 'intake created, gateway on PostgreSQL vs bare express',
        unit: 'req/s',
        ours: intakeOnPostgres.requestsPerSecond,
        baseline: intakeExpress.requestsPerSecond,
        load: `saturated, ${intakeLoad.connections} conn.`,
      },
      { scenario: NAME, metric: 'intake non-201 answers/errors', unit: '', ours: intakeOnPostgres.failures, baseline: intakeExpress.failures, target: { max: 1 }, load: `saturated, ${intakeLoad.connections} conn.` },
    ];
    return {
      rows,
      details: {
        sizes,
        server: { fsync: 'on', fullPageWrites: 'on', synchronousCommit: 'on' },
        ours,
        rawTransactionPerGroup: grouped,
        rawTransactionPerAppend: perAppend,
        intakeThroughGateway: { load: intakeLoad, onPostgres: intakeOnPostgres, bareExpress: intakeExpress },
      },
    };
  },
};
