import { join } from 'node:path';
// The bench composes the real gateway in-process: apps have no published entry point, and only
// the composition root lets it seed agents and lift the per-IP intake limit for one loopback client.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createGateway } from '../../../../../apps/gateway/src/composition/create-gateway';
import { createSqliteEventStore } from '@icc/store-sqlite';
import { openPostgresEventStore } from '@icc/store-postgres';
import { seedBenchConfiguration } from '../../fixtures/bench-configuration';
import { exitOnStop, reportFailure, tellParent } from '../../process/child-side';

const INTAKE_AGENTS = 20;

/** On SQLite in `dataDir`, or on PostgreSQL when `storeUrl` is given (the store-postgres scenario). */
async function start(dataDir: string, storeUrl: string | undefined) {
  // Agents exist but stay offline: every request is routed, nothing is offered.
  const seeding = storeUrl ? await openPostgresEventStore({ url: storeUrl }) : createSqliteEventStore({ dataDir });
  await seedBenchConfiguration(seeding, INTAKE_AGENTS);
  await seeding.close();
  const gateway = await createGateway({
    dataDir,
    ...(storeUrl ? { storeUrl } : {}),
    port: 0,
    host: '127.0.0.1',
    vendor: 'mock',
    devMode: false,
    logLevel: 'info',
    jwtSecret: 'bench-jwt-secret-that-is-at-least-32-characters',
    // One loopback client stands for thousands of callers: the limiter still runs, it just never says no.
    intakeRateLimit: { capacity: 1_000_000_000, ratePerSecond: 1_000_000_000 },
  });
  exitOnStop(() => gateway.close());
  tellParent({ type: 'ready', url: gateway.url });
}

start(join(process.argv[2] ?? '.', 'data'), process.argv[3]).catch((error: unknown) => {
  reportFailure(error);
  process.exit(1);
});
