import { requestExampleCallback, startSandbox, type StartedSandbox } from './genesys-simulator/genesys-sandbox.test-support';
import { SIMULATED_HANDLE_SECONDS } from './genesys-simulator/simulator-handlers';

const estimateCalls = (sandbox: StartedSandbox) =>
  sandbox.simulator.requests().filter((request) => request.endpoint === 'GET /api/v2/routing/queues/{queueId}/mediatypes/{mediaType}/estimatedwaittime');

describe('queue position and estimated wait', () => {
  let sandbox: StartedSandbox;
  afterEach(() => sandbox.shutdown());

  it("ranks queued callbacks oldest first and reads the queue's callback estimated wait from Genesys, at most once per interval", async () => {
    sandbox = await startSandbox();
    await requestExampleCallback(sandbox, 1);
    sandbox.world.clock.advance(1_000);
    await requestExampleCallback(sandbox, 2);
    await sandbox.settle();
    expect(sandbox.sink.interaction('ix-2')?.state).toBe('queued');

    // The first ask starts the read; the answer shows once Genesys has replied.
    expect(sandbox.adapter.queuePosition('cb-2')).toEqual({ position: 2, estimatedWaitSeconds: null });
    await sandbox.settle();
    const expected = 2 * SIMULATED_HANDLE_SECONDS;
    expect(sandbox.adapter.queuePosition('cb-1')).toEqual({ position: 1, estimatedWaitSeconds: expected });
    expect(sandbox.adapter.queuePosition('cb-2')).toEqual({ position: 2, estimatedWaitSeconds: expected });
    await sandbox.settle();
    expect(estimateCalls(sandbox)).toHaveLength(1);
    expect(estimateCalls(sandbox)[0]?.url).toBe(`/api/v2/routing/queues/${sandbox.config.queueMap[sandbox.world.queues.manual.id]}/mediatypes/callback/estimatedwaittime`);

    sandbox.world.clock.advance(30_000);
    sandbox.adapter.queuePosition('cb-1');
    await sandbox.settle();
    expect(estimateCalls(sandbox)).toHaveLength(2);
  });

  it('has no position for a callback no longer waiting in the queue', async () => {
    sandbox = await startSandbox();
    await sandbox.adapter.setPresence(sandbox.world.agents.ada.id, 'available');
    await requestExampleCallback(sandbox);
    await sandbox.settle();
    expect(sandbox.sink.interaction('ix-1')?.state).toBe('offered');
    expect(sandbox.adapter.queuePosition('cb-1')).toEqual({ position: null, estimatedWaitSeconds: null });
    expect(estimateCalls(sandbox)).toHaveLength(0);
  });
});
