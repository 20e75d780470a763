import { AdapterError } from '@icc/core';
import { requestExampleCallback, startSandbox, type StartedSandbox } from './genesys-simulator/genesys-sandbox.test-support';

const creates = (sandbox: StartedSandbox) =>
  sandbox.simulator.controls
    .vendorCalls()
    .filter((call) => call.method === 'POST' && call.url === '/api/v2/conversations/callbacks')
    .map((call) => call.status);
const disconnects = (sandbox: StartedSandbox) =>
  sandbox.simulator.requests().filter((request) => request.endpoint === 'PATCH /api/v2/conversations/callbacks/{conversationId}');

describe('a callback create that Genesys did but did not answer', () => {
  let sandbox: StartedSandbox;
  afterEach(() => sandbox.shutdown());

  it('is not sent twice, and the conversation it made is closed when it shows up', async () => {
    sandbox = await startSandbox();
    await sandbox.adapter.setPresence(sandbox.world.agents.ada.id, 'available');
    await sandbox.simulator.controls.failNextVendorCalls({ status: 500, count: 1, afterWork: true });

    await expect(requestExampleCallback(sandbox, 1)).rejects.toBeInstanceOf(AdapterError);
    await sandbox.settle();
    expect(creates(sandbox)).toEqual([500]);
    expect(sandbox.adapter.diagnostics().orphans).toBe(1);
    expect(disconnects(sandbox)).toHaveLength(1);
    expect(sandbox.sink.events.filter((event) => event.type !== 'agent.presence-changed')).toEqual([]);

    // The caller's retry (a new identity from the gateway) is the only callback left at Genesys.
    await requestExampleCallback(sandbox, 2);
    await sandbox.settle();
    expect(sandbox.sink.interaction('ix-2')).toMatchObject({ state: 'offered', agentId: sandbox.world.agents.ada.id });
  });

  it('is retried when Genesys says it did not do the work (503)', async () => {
    sandbox = await startSandbox();
    await sandbox.simulator.controls.failNextVendorCalls({ status: 503, count: 1 });
    const created = requestExampleCallback(sandbox, 1);
    await sandbox.settle();
    sandbox.world.clock.advance(60_000);
    await created;
    expect(creates(sandbox)).toEqual([503, 200]);
    expect(sandbox.adapter.diagnostics().orphans).toBe(0);
  });
});
