import { IccError } from '@icc/core';
import { createGenesysAdapter } from './genesys-adapter';
import { requestExampleCallback, startSandbox, type StartedSandbox } from './genesys-simulator/genesys-sandbox.test-support';

async function offeredToAda(sandbox: StartedSandbox) {
  await sandbox.adapter.setPresence(sandbox.world.agents.ada.id, 'available');
  await requestExampleCallback(sandbox);
  await sandbox.settle();
  expect(sandbox.sink.interaction('ix-1')).toMatchObject({ state: 'offered', agentId: sandbox.world.agents.ada.id });
}

const accept = (sandbox: StartedSandbox) => sandbox.adapter.execute(sandbox.world.agents.ada.id, { type: 'accept', interactionId: 'ix-1' });

describe('reading conversations back when notifications were missed', () => {
  let sandbox: StartedSandbox;
  afterEach(() => sandbox.shutdown());

  it('catches up after the notification socket was replaced', async () => {
    sandbox = await startSandbox();
    await offeredToAda(sandbox);
    sandbox.simulator.dropConnections();
    await sandbox.settle();
    await accept(sandbox);
    await sandbox.settle();
    expect(sandbox.sink.interaction('ix-1')?.state).toBe('offered');

    sandbox.world.clock.advance(1_000);
    await sandbox.settle();
    expect(sandbox.adapter.diagnostics()).toMatchObject({ channel: expect.objectContaining({ reconnects: 1 }), reconciled: 1 });
    expect(sandbox.sink.interaction('ix-1')?.state).toBe('previewing');
  });

  it('reads back an interaction waiting on Genesys whose notification never came', async () => {
    sandbox = await startSandbox({ config: { reconcileAfterMs: 20_000 } });
    await offeredToAda(sandbox);
    sandbox.simulator.controls.scriptCustomer(sandbox.world.phoneNumbers.primary, [{ kind: 'answer', afterSeconds: 30 }]);
    await accept(sandbox);
    await sandbox.settle();
    sandbox.simulator.loseNextNotification(); // the call starts ringing: ICC never hears of it
    await sandbox.adapter.execute(sandbox.world.agents.ada.id, { type: 'dial', interactionId: 'ix-1', phoneNumber: sandbox.world.phoneNumbers.primary });
    await sandbox.settle();
    expect(sandbox.sink.interaction('ix-1')?.state).toBe('previewing');

    sandbox.world.clock.advance(20_000);
    await sandbox.settle();
    expect(sandbox.sink.interaction('ix-1')?.state).toBe('dialing');
    expect(sandbox.adapter.diagnostics().reconciled).toBe(1);
  });

  it('answers a refused command with a conflict and refreshes the interaction', async () => {
    sandbox = await startSandbox();
    await offeredToAda(sandbox);
    sandbox.simulator.loseNextNotification();
    await accept(sandbox);
    await sandbox.settle();
    expect(sandbox.sink.interaction('ix-1')?.state).toBe('offered');

    const again = accept(sandbox);
    await expect(again).rejects.toBeInstanceOf(IccError);
    await expect(again).rejects.toMatchObject({ code: 'invalid_transition', message: expect.stringContaining('Genesys refused "accept"') });
    await sandbox.settle();
    expect(sandbox.sink.interaction('ix-1')?.state).toBe('previewing');
  });

  it('finds its conversations again after a restart and applies what changed meanwhile', async () => {
    sandbox = await startSandbox();
    await offeredToAda(sandbox);
    await sandbox.adapter.stop();
    await acceptAtVendor(sandbox);

    const { world, sink, logger } = sandbox;
    const restarted = createGenesysAdapter(sandbox.config, { random: () => 0.5 });
    const openInteractions = [sink.interaction('ix-1')].filter((view) => view !== undefined);
    await restarted.start({ sink, clock: world.clock, logger, queues: world.queueList, agents: world.agentList, openInteractions, getCallback: (id) => sink.callback(id) });
    try {
      await waitUntil(() => restarted.diagnostics().reconciled === 1 && restarted.diagnostics().pending === 0);
      expect(sink.interaction('ix-1')?.state).toBe('previewing');
    } finally {
      await restarted.stop();
    }
  });
});

/** The agent answers in Genesys itself (another client) while no adapter is running. */
async function acceptAtVendor(sandbox: StartedSandbox) {
  const conversationId = sandbox.sink.interaction('ix-1')?.vendorRef as string;
  const conversation = sandbox.simulator.conversation(conversationId) as { participants: Array<{ id: string; purpose: string; callbacks?: Array<{ state: string }> }> };
  const agent = conversation.participants.find((participant) => participant.purpose === 'agent' && participant.callbacks?.[0]?.state === 'alerting');
  const token = await fetch(`${sandbox.simulator.authUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('sandbox-client:sandbox-secret').toString('base64')}` },
    body: 'grant_type=client_credentials',
  }).then((answer) => answer.json() as Promise<{ access_token: string }>);
  const answer = await fetch(`${sandbox.simulator.baseUrl}/api/v2/conversations/callbacks/${conversationId}/participants/${agent?.id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token.access_token}` },
    body: JSON.stringify({ state: 'connected' }),
  });
  expect(answer.status).toBeLessThan(300);
}

async function waitUntil(condition: () => boolean) {
  for (let turn = 0; turn < 2000 && !condition(); turn++) await new Promise<void>((resolve) => setImmediate(resolve));
  expect(condition()).toBe(true);
}
