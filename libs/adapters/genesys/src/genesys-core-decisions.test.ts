import { callbackRefusals } from '@icc/core';
import { requestExampleCallback, startSandbox, type StartedSandbox } from './genesys-simulator/genesys-sandbox.test-support';

describe("Genesys decides with core's rules", () => {
  let sandbox: StartedSandbox;
  afterEach(() => sandbox.shutdown());

  it("refuses an expire time already passed with core's code, message and issue", async () => {
    sandbox = await startSandbox();
    const refused = requestExampleCallback(sandbox, 1, {}, { expireAt: new Date(sandbox.world.clock.now()).toISOString() });
    const expected = callbackRefusals.expireAtNotInFuture();
    await expect(refused).rejects.toMatchObject({ code: expected.code, message: expected.message, issues: expected.issues });
    expect(sandbox.simulator.requests().filter((request) => request.endpoint === 'POST /api/v2/conversations/callbacks')).toHaveLength(0);
  });

  it('closes a callback the agent closes before any call as cancelled (decideCloseCallback), and wraps it up at Genesys', async () => {
    sandbox = await startSandbox();
    const { ada } = sandbox.world.agents;
    await sandbox.adapter.setPresence(ada.id, 'available');
    await requestExampleCallback(sandbox);
    await sandbox.settle();
    await sandbox.adapter.execute(ada.id, { type: 'accept', interactionId: 'ix-1' });
    await sandbox.settle();
    expect(sandbox.sink.interaction('ix-1')?.state).toBe('previewing');

    await sandbox.adapter.execute(ada.id, { type: 'close-callback', interactionId: 'ix-1', notes: 'Solved by e-mail' });
    await sandbox.settle();
    expect(sandbox.sink.interaction('ix-1')).toMatchObject({ state: 'closed', outcome: 'cancelled' });
    expect(sandbox.simulator.requests().some((request) => request.endpoint.endsWith('/wrapup'))).toBe(true);
  });
});
