import { startSandbox, type StartedSandbox } from './genesys-simulator/genesys-sandbox.test-support';

describe('token refresh against the simulated org', () => {
  let sandbox: StartedSandbox;
  afterEach(() => sandbox.shutdown());

  it('refetches an expiring token once, for concurrent calls, before the org would refuse it', async () => {
    sandbox = await startSandbox({ tokenLifetimeSeconds: 300 });
    const tokenRequests = () => sandbox.simulator.requests().filter((request) => request.endpoint === 'POST /oauth/token').length;
    expect(tokenRequests()).toBe(1);
    sandbox.world.clock.advance(250_000);
    const { ada, grace } = sandbox.world.agents;
    await Promise.all([sandbox.adapter.setPresence(ada.id, 'available'), sandbox.adapter.setPresence(grace.id, 'available')]);
    expect(tokenRequests()).toBe(2);
    expect(sandbox.simulator.controls.vendorCalls().filter((call) => call.status === 401)).toEqual([]);
  });
});
