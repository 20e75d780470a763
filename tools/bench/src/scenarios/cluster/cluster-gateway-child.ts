import { join } from 'node:path';
// The bench composes the real gateway in-process: apps have no published entry point, and only
// the composition root lets it plug in a push vendor and lift the per-IP intake limit.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createGateway } from '../../../../../apps/gateway/src/composition/create-gateway';
import { openPostgresEventStore } from '@icc/store-postgres';
import { seedBenchConfiguration } from '../../fixtures/bench-configuration';
import { exitOnStop, reportFailure, tellParent } from '../../process/child-side';
import { createBenchPushAdapter } from '../fan-out/bench-push-adapter';
import { FAN_OUT_JWT_SECRET, FAN_OUT_WEBHOOK_SECRET } from '../fan-out/fan-out-secrets';

/** argv[3], as JSON: how this gateway runs. */
export interface ClusterGatewayPlan {
  storeUrl: string;
  /** `single`: one gateway on PostgreSQL, no cluster; `cluster`: one of the cluster's gateways (ICC_CLUSTER). */
  mode: 'single' | 'cluster';
  /** Seeds the bench queue and this many agents first (the first gateway of a database only). */
  seedAgents?: number;
}

async function start(dataDir: string, plan: ClusterGatewayPlan) {
  if (plan.seedAgents !== undefined) {
    const seeding = await openPostgresEventStore({ url: plan.storeUrl });
    await seedBenchConfiguration(seeding, plan.seedAgents);
    await seeding.close();
  }
  const gateway = await createGateway({
    dataDir,
    storeUrl: plan.storeUrl,
    port: 0,
    host: '127.0.0.1',
    adapter: createBenchPushAdapter(),
    // Dev sign-in gives the harness its agents' tokens; the secret is shared, so they verify on any gateway.
    devMode: true,
    logLevel: 'info',
    jwtSecret: FAN_OUT_JWT_SECRET,
    webhookSecret: FAN_OUT_WEBHOOK_SECRET,
    // One loopback client stands for thousands of callers: the limiter still runs, it just never says no.
    intakeRateLimit: { capacity: 1_000_000_000, ratePerSecond: 1_000_000_000 },
    ...(plan.mode === 'cluster' ? { cluster: {} } : {}),
  });
  exitOnStop(() => gateway.close());
  tellParent({ type: 'ready', url: gateway.url });
}

start(join(process.argv[2] ?? '.', 'data'), JSON.parse(process.argv[3] ?? '{}') as ClusterGatewayPlan).catch((error: unknown) => {
  reportFailure(error);
  process.exit(1);
});
