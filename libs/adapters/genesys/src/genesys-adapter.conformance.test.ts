import { describeAdapterConformance } from '@icc/adapter-kit/conformance';
import { GENESYS_CAPABILITIES } from './genesys-capabilities';
import { createGenesysSandbox } from './genesys-simulator/genesys-sandbox';

describeAdapterConformance('genesys', {
  capabilities: GENESYS_CAPABILITIES,
  // POST /api/v2/conversations/callbacks has no idempotency key (see README, "Creating a callback exactly once").
  createNotIdempotent: true,
  async createHarness(world) {
    // Unscripted numbers fail fast, so a scenario that dials one it did not script shows it.
    const sandbox = await createGenesysSandbox({
      clock: world.clock,
      queues: world.queueList,
      agents: world.agentList,
      defaultCustomerBehaviour: { kind: 'fail' },
    });
    return {
      adapter: sandbox.adapter,
      simulator: sandbox.simulator.controls,
      settle: () => sandbox.settle(),
      teardown: () => sandbox.close(),
    };
  },
});
