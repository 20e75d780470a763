import { requestExampleCallback, startSandbox, type StartedSandbox } from './genesys-simulator/genesys-sandbox.test-support';

const subscriptions = (sandbox: StartedSandbox) =>
  sandbox.simulator.requests().filter((request) => request.endpoint === 'PUT /api/v2/notifications/channels/{channelId}/subscriptions');

describe('notification channel', () => {
  let sandbox: StartedSandbox;
  afterEach(() => sandbox.shutdown());

  it("subscribes every mapped queue's and user's conversation topic and every user's routing status", async () => {
    sandbox = await startSandbox();
    const [subscription] = subscriptions(sandbox);
    const topics = (subscription?.body as Array<{ id: string }>).map((topic) => topic.id);
    expect(topics).toHaveLength(sandbox.world.queueList.length + 2 * sandbox.world.agentList.length);
    expect(topics.every((topic) => /^v2\.((routing\.queues|users)\.[0-9a-f-]{36}\.conversations|users\.[0-9a-f-]{36}\.routingStatus)$/.test(topic))).toBe(true);
  });

  it('reconnects after the socket drops, on a new channel with the same topics, and keeps delivering', async () => {
    sandbox = await startSandbox();
    sandbox.simulator.dropConnections();
    await sandbox.settle();
    expect(sandbox.adapter.diagnostics().channel?.connected).toBe(false);

    sandbox.world.clock.advance(1_000);
    await sandbox.settle();
    const [first, second] = subscriptions(sandbox);
    expect(second?.url).not.toBe(first?.url);
    expect(second?.body).toEqual(first?.body);
    expect(sandbox.adapter.diagnostics().channel).toMatchObject({ connected: true, reconnects: 1 });

    const { ada } = sandbox.world.agents;
    await sandbox.adapter.setPresence(ada.id, 'available');
    await requestExampleCallback(sandbox);
    await sandbox.settle();
    expect(sandbox.sink.interaction('ix-1')).toMatchObject({ state: 'offered', agentId: ada.id });
  });

  it('replaces a socket that stays silent past the heartbeat timeout', async () => {
    sandbox = await startSandbox({ config: { heartbeatTimeoutMs: 10_000 } });
    sandbox.world.clock.advance(10_000);
    await sandbox.settle();
    sandbox.world.clock.advance(1_000);
    await sandbox.settle();
    expect(sandbox.adapter.diagnostics().channel).toMatchObject({ connected: true, reconnects: 1 });
    expect(sandbox.logger.entries.some((entry) => entry.level === 'warn' && /no heartbeat/.test(entry.message ?? ''))).toBe(true);
  });

  it('counts and skips notifications of unknown topics and frames that do not parse', async () => {
    sandbox = await startSandbox();
    sandbox.simulator.pushFrame({ topicName: 'v2.users.0c2b31d0-9f8b-4328-97f2-50ffe98bee50.presence', version: '2', eventBody: { presenceDefinition: { systemPresence: 'Away' } } });
    sandbox.simulator.pushFrame('{"topicName": ');
    await sandbox.settle();
    expect(sandbox.adapter.diagnostics()).toMatchObject({ unknownTopics: 1, channel: expect.objectContaining({ malformed: 1 }) });
    expect(sandbox.sink.events).toEqual([]);
    expect(sandbox.logger.entries.filter((entry) => entry.level === 'warn')).toHaveLength(1);
  });
});
