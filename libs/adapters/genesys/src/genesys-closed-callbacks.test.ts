import { requestExampleCallback, startSandbox, type StartedSandbox } from './genesys-simulator/genesys-sandbox.test-support';

describe('closed callbacks', () => {
  let sandbox: StartedSandbox;
  afterEach(() => sandbox.shutdown());

  it('forgets a callback once it is closed, and ignores what Genesys says about it afterwards', async () => {
    sandbox = await startSandbox();
    await requestExampleCallback(sandbox, 1);
    await sandbox.settle();
    expect(sandbox.adapter.diagnostics().tracked).toBe(1);
    await sandbox.adapter.cancelCallback('cb-1', 'api', 'Customer called back in');
    await sandbox.settle();
    expect(sandbox.sink.interaction('ix-1')).toMatchObject({ state: 'closed', outcome: 'cancelled' });
    expect(sandbox.adapter.diagnostics().tracked).toBe(0);
    sandbox.world.clock.advance(60_000);
    await sandbox.settle();
    expect(sandbox.sink.events.filter((event) => event.type === 'interaction.closed')).toHaveLength(1);
  });

  it('still refuses to create a forgotten callback twice', async () => {
    sandbox = await startSandbox();
    await requestExampleCallback(sandbox, 1);
    await sandbox.settle();
    await sandbox.adapter.cancelCallback('cb-1', 'api', 'Customer called back in');
    await sandbox.settle();
    expect(sandbox.adapter.diagnostics().tracked).toBe(0);

    await expect(requestExampleCallback(sandbox, 1)).resolves.toEqual([]);
    await expect(requestExampleCallback(sandbox, 1, { number: 'CB0000099' })).rejects.toMatchObject({ code: 'idempotency_conflict' });
    const creates = sandbox.simulator.requests().filter((request) => request.endpoint === 'POST /api/v2/conversations/callbacks');
    expect(creates).toHaveLength(1);
  });
});
