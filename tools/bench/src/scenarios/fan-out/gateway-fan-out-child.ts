import { join } from 'node:path';
// The bench composes the real gateway in-process: apps have no published entry point, and only
// the composition root lets it plug in a push vendor and seed a thousand agents.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createGateway } from '../../../../../apps/gateway/src/composition/create-gateway';
import { createSqliteEventStore } from '@icc/store-sqlite';
import { seedBenchConfiguration } from '../../fixtures/bench-configuration';
import { exitOnStop, reportFailure, tellParent } from '../../process/child-side';
import { createBenchPushAdapter } from './bench-push-adapter';
import { FAN_OUT_JWT_SECRET, FAN_OUT_WEBHOOK_SECRET } from './fan-out-secrets';

async function start(dataDir: string, agents: number) {
  const seeding = createSqliteEventStore({ dataDir });
  await seedBenchConfiguration(seeding, agents);
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
  tellParent({ type: 'ready', url: gateway.url });
}

start(join(process.argv[2] ?? '.', 'data'), Number(process.argv[3])).catch((error: unknown) => {
  reportFailure(error);
  process.exit(1);
});
