import { agentsScenario } from './agents/agents-scenario';
import type { BenchScenario } from './bench-scenario';
import { bundleScenario } from './bundle/bundle-scenario';
import { clusterScenario } from './cluster/cluster-scenario';
import { fanOutScenario } from './fan-out/fan-out-scenario';
import { intakeScenario } from './intake/intake-scenario';
import { recoveryScenario } from './recovery/recovery-scenario';
import { routingScenario } from './routing/routing-scenario';
import { schedulerScenario } from './scheduler/scheduler-scenario';
import { storeScenario } from './store/store-scenario';
import { storePostgresScenario } from './store-postgres/store-postgres-scenario';

/** In the order of the issue (the connected-agents scenario came last, and runs after fan-out); each runs ours and its baseline back to back. */
export const ALL_SCENARIOS: readonly BenchScenario[] = [intakeScenario, fanOutScenario, agentsScenario, storeScenario, storePostgresScenario, clusterScenario, schedulerScenario, routingScenario, recoveryScenario, bundleScenario];
