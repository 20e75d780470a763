import { join } from 'node:path';
// The bench composes the real gateway in-process: apps have no published entry point, and only
// the composition root lets it plug in a push vendor and seed a thousand agents.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createGateway } from '../../../../../apps/gateway/src/composition/create-gateway';
import { createSqliteEventStore, type SqliteEventStore } from '@icc/store-sqlite';
import { seedBenchConfiguration, seedBenchTeams } from '../../fixtures/bench-configuration';
import { answerLogSyncQueries, answerMemoryQueries, exitOnStop, reportFailure, tellParent } from '../../process/child-side';
import { createBenchPushAdapter } from './bench-push-adapter';
import { FAN_OUT_JWT_SECRET, FAN_OUT_WEBHOOK_SECRET } from './fan-out-secrets';

/** `teamSize` 0: every agent in the bench queue (fan-out); otherwise teams with a queue each (connected agents). */
async function start(dataDir: string, agents: number, teamSize: number) {
  const seeding = createSqliteEventStore({ dataDir });
  if (teamSize > 0) await seedBenchTeams(seeding, agents, teamSize);
  else await seedBenchConfiguration(seeding, agents);
  await seeding.close();
  const gateway = await createGateway({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    adapter: createBenchPushAdapter(),
    devMode: true,
    logLevel: 'info',
    jwtSecret: FAN_OUT_JWT_SECRET,
    webhookSecret: FAN_OUT_WEBHOOK_SECRET,
  });
  exitOnStop(() => gateway.close());
  answerMemoryQueries();
  // The gateway opened the SQLite store itself (`dataDir`).
  answerLogSyncQueries(gateway.store as SqliteEventStore);
  tellParent({ type: 'ready', url: gateway.url });
}

start(join(process.argv[2] ?? '.', 'data'), Number(process.argv[3]), Number(process.argv[4] ?? 0)).catch((error: unknown) => {
  reportFailure(error);
  process.exit(1);
});
