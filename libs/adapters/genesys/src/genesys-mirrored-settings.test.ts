import { requestExampleCallback, startSandbox, type StartedSandbox } from './genesys-simulator/genesys-sandbox.test-support';

/** Issue 14 item 3: NOT_RESPONDING after a missed offer (`v2.users.{id}.routingStatus`) is ICC's `not-responding`. */
describe('routing status mirrored as presence', () => {
  let sandbox: StartedSandbox;
  afterEach(() => sandbox.shutdown());

  const presences = (agentId: string) =>
    sandbox.sink.events.flatMap((event) => (event.type === 'agent.presence-changed' && event.agentId === agentId ? [event.presence] : []));

  it('an offer left to time out makes the agent not-responding; choosing available clears it at Genesys and in ICC', async () => {
    sandbox = await startSandbox();
    const { ada } = sandbox.world.agents;
    const userId = sandbox.config.userMap[ada.id] as string;
    const [channelId] = sandbox.simulator.channelIds();
    expect(sandbox.simulator.channelTopics(channelId as string)).toContain(`v2.users.${userId}.routingStatus`);

    await sandbox.adapter.setPresence(ada.id, 'available');
    await requestExampleCallback(sandbox);
    await sandbox.settle();
    expect(sandbox.sink.interaction('ix-1')?.state).toBe('offered');
    sandbox.world.clock.advance(sandbox.world.queues.manual.offerTimeoutSeconds * 1000);
    await sandbox.settle();
    expect(presences(ada.id)).toEqual(['available', 'not-responding']);

    await sandbox.adapter.setPresence(ada.id, 'available');
    await sandbox.settle();
    expect(presences(ada.id)).toEqual(['available', 'not-responding', 'available']);
    expect(sandbox.sink.interaction('ix-1')?.state).toBe('offered');
    expect(sandbox.sink.violations).toEqual([]);
  });

  it('statuses other than NOT_RESPONDING, and users nobody maps, change no presence', async () => {
    sandbox = await startSandbox();
    const userId = sandbox.config.userMap[sandbox.world.agents.ada.id] as string;
    const frame = (user: string, status: string) => ({ topicName: `v2.users.${user}.routingStatus`, version: '2', eventBody: { id: user, routingStatus: { status } } });
    sandbox.simulator.pushFrame(frame(userId, 'IDLE'));
    sandbox.simulator.pushFrame(frame('5d1c2f8e-unmapped', 'NOT_RESPONDING'));
    await sandbox.settle();
    expect(sandbox.sink.events).toEqual([]);
    expect(sandbox.adapter.diagnostics().unknownTopics).toBe(0);
  });
});

describe('queue settings read from Genesys', () => {
  let sandbox: StartedSandbox;
  afterEach(() => sandbox.shutdown());

  it("offers each mapped queue's CallbackMediaSettings as ICC queue configuration", async () => {
    sandbox = await startSandbox();
    const { customerFirst, manual } = sandbox.world.queues;
    expect(sandbox.adapter.queueSettings(customerFirst.id)).toEqual({
      defaultMode: 'customer-first',
      dialMethod: customerFirst.dialMethod.type === 'auto' ? customerFirst.dialMethod : { type: 'manual' },
      ...(customerFirst.dialMethod.type === 'auto' ? { autoCloseSeconds: customerFirst.autoCloseSeconds } : {}),
      offerTimeoutSeconds: customerFirst.offerTimeoutSeconds,
      pacing: customerFirst.pacing,
      retryPolicy: customerFirst.retryPolicy,
    });
    expect(sandbox.adapter.queueSettings(manual.id)).toMatchObject({ defaultMode: 'agent-first', dialMethod: { type: 'manual' } });
    expect(sandbox.adapter.queueSettings('not-mapped')).toBeUndefined();
  });
});
