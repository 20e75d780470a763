import { requestExampleCallback, startSandbox, type StartedSandbox } from './genesys-simulator/genesys-sandbox.test-support';

const disconnects = (sandbox: StartedSandbox) =>
  sandbox.simulator.requests().filter((request) => request.endpoint === 'PATCH /api/v2/conversations/callbacks/{conversationId}');

describe("expiry by core's rule (isExpiryArmed / decideExpiry), re-armed on every state change", () => {
  let sandbox: StartedSandbox;
  afterEach(() => sandbox.shutdown());

  it('does not expire a callback while it is offered; back in the queue after the offer timed out, it expires and Genesys is told', async () => {
    sandbox = await startSandbox();
    const { clock, agents, queues } = sandbox.world;
    await sandbox.adapter.setPresence(agents.ada.id, 'available');
    const expireAt = new Date(clock.now() + 10_000).toISOString();
    await requestExampleCallback(sandbox, 1, {}, { expireAt });
    await sandbox.settle();
    expect(sandbox.sink.interaction('ix-1')?.state).toBe('offered');

    clock.advance(10_000);
    await sandbox.settle();
    // An offer has its own deadline: the expire time does not apply while the agent is alerted.
    expect(sandbox.sink.interaction('ix-1')?.state).toBe('offered');
    expect(disconnects(sandbox)).toHaveLength(0);

    clock.advance(queues.manual.offerTimeoutSeconds * 1000);
    await sandbox.settle();
    clock.advance(0);
    await sandbox.settle();
    expect(sandbox.sink.interaction('ix-1')).toMatchObject({ state: 'closed', outcome: 'expired' });
    expect(sandbox.sink.stateHistory('ix-1').map((step) => step.state)).toEqual(['queued', 'offered', 'queued', 'closed']);
    expect(disconnects(sandbox)).toHaveLength(1);
  });

  it('expires a queued callback at its expire time', async () => {
    sandbox = await startSandbox();
    const expireAt = new Date(sandbox.world.clock.now() + 60_000).toISOString();
    await requestExampleCallback(sandbox, 1, {}, { expireAt });
    await sandbox.settle();
    sandbox.world.clock.advance(59_999);
    await sandbox.settle();
    expect(sandbox.sink.interaction('ix-1')?.state).toBe('queued');
    sandbox.world.clock.advance(1);
    await sandbox.settle();
    expect(sandbox.sink.interaction('ix-1')).toMatchObject({ state: 'closed', outcome: 'expired' });
    expect(disconnects(sandbox)).toHaveLength(1);
  });
});
