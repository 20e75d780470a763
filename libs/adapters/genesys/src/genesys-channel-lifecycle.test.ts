import type { Models } from 'purecloud-platform-client-v2';
import { WebSocket } from 'ws';
import { rawCall, requestExampleCallback, startSandbox, type StartedSandbox } from './genesys-simulator/genesys-sandbox.test-support';

/*
 * A notification channel's life on Genesys (developer.genesys.cloud/notificationsalerts/notifications/):
 * 24 hours, a `v2.system.socket_closing` warning about a minute before a socket closes, at most
 * 20 channels per user and client (the 21st removes the one used longest ago, unconnected first),
 * and a topic the client lacks the permission for fails the subscription unless errors are ignored.
 */

const LIFETIME_SECONDS = 600;

async function openRawChannel(sandbox: StartedSandbox, connect: boolean) {
  const created = await rawCall(sandbox, 'POST', '/api/v2/notifications/channels');
  const channel = created.body as Required<Pick<Models.Channel, 'id' | 'connectUri' | 'expires'>>;
  if (!connect) return { channel, frames: [] as Array<{ topicName: string }>, socket: undefined };
  const frames: Array<{ topicName: string }> = [];
  const socket = new WebSocket(channel.connectUri);
  await new Promise((resolve) => socket.once('open', resolve));
  socket.on('message', (data) => frames.push(JSON.parse(data.toString())));
  return { channel, frames, socket };
}

/**
 * Moves simulated time in heartbeat-sized steps, so the sockets stay alive on the way. With a raw
 * socket of the test's own open, the sandbox's `settle` (which watches the adapter's socket) never
 * sees quiet: a fixed number of event-loop turns is enough for frames on loopback.
 */
async function pass(sandbox: StartedSandbox, seconds: number, options: { raw?: boolean } = {}) {
  for (let left = seconds; left > 0; left -= 30) {
    sandbox.world.clock.advance(Math.min(30, left) * 1000);
    if (!options.raw) await sandbox.settle();
    else for (let turn = 0; turn < 50; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

describe('the simulated notification service', () => {
  let sandbox: StartedSandbox;
  afterEach(() => sandbox.shutdown());

  it('warns with socket_closing a minute before a channel expires, then closes it', async () => {
    sandbox = await startSandbox({ channelLifetimeSeconds: LIFETIME_SECONDS });
    const { channel, frames, socket } = await openRawChannel(sandbox, true);
    expect(Date.parse(channel.expires) - sandbox.world.clock.now()).toBe(LIFETIME_SECONDS * 1000);
    const closed = new Promise((resolve) => socket?.once('close', resolve));
    await pass(sandbox, LIFETIME_SECONDS - 60, { raw: true });
    expect(frames.map((frame) => frame.topicName)).toContain('v2.system.socket_closing');
    expect(sandbox.simulator.channelIds()).toContain(channel.id);
    await pass(sandbox, 60, { raw: true });
    await closed;
    expect(sandbox.simulator.channelIds()).not.toContain(channel.id);
  }, 20_000);

  it('a 21st channel removes the oldest one without a connection', async () => {
    sandbox = await startSandbox();
    // The adapter's own channel is the first (and connected); add 18 idle ones and a connected one.
    const adapterChannel = sandbox.simulator.channelIds()[0];
    const idle = [];
    for (let n = 0; n < 18; n++) {
      sandbox.world.clock.advance(1);
      idle.push((await openRawChannel(sandbox, false)).channel.id);
    }
    const connected = await openRawChannel(sandbox, true);
    expect(sandbox.simulator.channelIds()).toHaveLength(20);
    await openRawChannel(sandbox, false);
    expect(sandbox.simulator.channelIds()).toHaveLength(20);
    expect(sandbox.simulator.channelIds()).not.toContain(idle[0]);
    expect(sandbox.simulator.channelIds()).toEqual(expect.arrayContaining([adapterChannel, connected.channel.id]));
    connected.socket?.close();
  });

  it('refuses a subscription with a topic the client may not see, unless errors are ignored', async () => {
    sandbox = await startSandbox();
    const forbidden = 'v2.users.0c2b31d0-9f8b-4328-97f2-50ffe98bee50.conversations';
    sandbox.simulator.denyTopic(forbidden);
    const { channel } = await openRawChannel(sandbox, false);
    const queueTopic = `v2.routing.queues.${sandbox.config.queueMap[sandbox.world.queues.manual.id]}.conversations`;
    const topics = [{ id: queueTopic }, { id: forbidden }];
    const refused = await rawCall(sandbox, 'PUT', `/api/v2/notifications/channels/${channel.id}/subscriptions`, topics);
    expect(refused).toMatchObject({ status: 400, body: { code: 'bad.request', status: 400 } });
    const partial = await rawCall(sandbox, 'PUT', `/api/v2/notifications/channels/${channel.id}/subscriptions?ignoreErrors=true`, topics);
    expect(partial.body).toEqual({
      entities: [
        { id: queueTopic, state: 'Permitted' },
        { id: forbidden, state: 'Rejected', rejectionReason: expect.any(String) },
      ],
    } satisfies Models.ChannelTopicEntityListing);
    expect(sandbox.simulator.channelTopics(channel.id)).toEqual([queueTopic]);
  });
});

describe('the adapter over a channel that ends', () => {
  let sandbox: StartedSandbox;
  afterEach(() => sandbox.shutdown());

  it('moves to a new channel before the old one expires, without a gap or a reconnect', async () => {
    sandbox = await startSandbox({ channelLifetimeSeconds: LIFETIME_SECONDS });
    const [first] = sandbox.simulator.channelIds();
    await pass(sandbox, LIFETIME_SECONDS - 5 * 60);
    expect(sandbox.adapter.diagnostics().channel).toMatchObject({ connected: true, renewals: 1, reconnects: 0 });
    const channels = sandbox.simulator.channelIds();
    expect(channels).toHaveLength(2);
    expect(sandbox.simulator.channelTopics(channels[1] as string)).toEqual(sandbox.simulator.channelTopics(first as string));

    await pass(sandbox, 5 * 60);
    expect(sandbox.simulator.channelIds()).not.toContain(first);
    expect(sandbox.adapter.diagnostics().channel).toMatchObject({ connected: true, reconnects: 0 });
    await sandbox.adapter.setPresence(sandbox.world.agents.ada.id, 'available');
    await requestExampleCallback(sandbox);
    await sandbox.settle();
    expect(sandbox.sink.interaction('ix-1')).toMatchObject({ state: 'offered' });
  }, 20_000);

  it('on socket_closing, opens the next channel first', async () => {
    sandbox = await startSandbox();
    sandbox.simulator.pushFrame({ topicName: 'v2.system.socket_closing', version: '2', eventBody: { message: 'closing' } });
    await sandbox.settle();
    expect(sandbox.adapter.diagnostics().channel).toMatchObject({ connected: true, renewals: 1, reconnects: 0 });
    expect(sandbox.simulator.controls.openConnections()).toBe(1);
  });

  it('starts when a topic is refused, reports it, and still hears the others', async () => {
    const denied = (userId: string) => `v2.users.${userId}.conversations`;
    sandbox = await startSandbox({ beforeStart: (simulator, config) => simulator.denyTopic(denied(Object.values(config.userMap)[0] as string)) });
    const rejected = sandbox.adapter.diagnostics().channel?.rejectedTopics;
    expect(rejected).toEqual([denied(Object.values(sandbox.config.userMap)[0] as string)]);
    expect(sandbox.logger.entries.some((entry) => entry.level === 'warn' && /topics refused/.test(entry.message ?? ''))).toBe(true);
    await sandbox.adapter.setPresence(sandbox.world.agents.ada.id, 'available');
    await requestExampleCallback(sandbox);
    await sandbox.settle();
    expect(sandbox.sink.interaction('ix-1')).toMatchObject({ state: 'offered' });
  });
});
