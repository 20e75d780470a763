import { createFakeClock } from '@icc/core';
import { WebSocketServer, type WebSocket } from 'ws';
import { createRecordingLogger } from '../conformance/recording-logger';
import { createRenewableSocket, type RenewableSocket } from './renewable-socket';

async function until(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 2000 && !condition(); turn++) await new Promise<void>((resolve) => setTimeout(resolve, 1));
  expect(condition()).toBe(true);
}

describe('createRenewableSocket', () => {
  let server: WebSocketServer;
  let url: string;
  const connections: WebSocket[] = [];
  let socket: RenewableSocket | undefined;

  beforeEach(async () => {
    connections.length = 0;
    server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    url = `ws://127.0.0.1:${(server.address() as { port: number }).port}`;
    server.on('connection', (connection) => connections.push(connection));
  });
  afterEach(async () => {
    await socket?.stop();
    socket = undefined;
    for (const connection of connections) connection.terminate();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const start = (overrides: { expiresAt?: number } = {}) => {
    const clock = createFakeClock(0);
    const logger = createRecordingLogger();
    const received: string[] = [];
    let channels = 0;
    let reopened = 0;
    socket = createRenewableSocket({
      name: 'example events',
      clock,
      logger,
      heartbeatTimeoutMs: 30_000,
      renewBeforeExpiryMs: 5_000,
      random: () => 0.5,
      openChannel: async () => {
        channels += 1;
        return { url: `${url}/channel-${channels}`, expiresAt: overrides.expiresAt === undefined ? undefined : overrides.expiresAt * channels };
      },
      onMessage: (text) => received.push(text),
      onReopened: () => (reopened += 1),
    });
    return { clock, logger, received, channels: () => channels, reopened: () => reopened, socket };
  };

  it('delivers the frames of the open socket and counts them', async () => {
    const run = start();
    await run.socket.start();
    await until(() => connections.length === 1);
    connections[0]?.send('{"hello":1}');
    await until(() => run.received.length === 1);
    expect(run.received).toEqual(['{"hello":1}']);
    expect(run.socket.stats()).toMatchObject({ connected: true, received: 1, receivedOnSocket: 1, reconnects: 0, renewals: 0 });
  });

  it('replaces a socket silent past the heartbeat timeout after a backoff, on a new channel, and says it reopened', async () => {
    const run = start();
    await run.socket.start();
    await until(() => connections.length === 1);
    run.clock.advance(30_000);
    await until(() => !run.socket.stats().connected);
    expect(run.logger.entries.some((entry) => entry.level === 'warn' && /no heartbeat/.test(entry.message ?? ''))).toBe(true);
    // Full jitter with random 0.5: half of the first ceiling (1 s).
    run.clock.advance(499);
    expect(run.channels()).toBe(1);
    run.clock.advance(1);
    await until(() => run.reopened() === 1);
    expect(run.channels()).toBe(2);
    expect(run.socket.stats()).toMatchObject({ connected: true, reconnects: 1, receivedOnSocket: 0 });
  });

  it('opens the next channel before the current one expires, then closes the old socket without a reconnect', async () => {
    const run = start({ expiresAt: 60_000 });
    await run.socket.start();
    await until(() => connections.length === 1);
    const old = connections[0] as WebSocket;
    const oldClosed = new Promise<void>((resolve) => old.once('close', () => resolve()));
    run.clock.advance(55_000);
    await until(() => run.socket.stats().renewals === 1);
    await oldClosed;
    expect(run.channels()).toBe(2);
    expect(run.reopened()).toBe(0);
    expect(run.socket.stats()).toMatchObject({ connected: true, reconnects: 0 });
    connections[1]?.send('after');
    await until(() => run.received.includes('after'));
  });

  it('stops: the socket closes and no timer is left', async () => {
    const run = start({ expiresAt: 60_000 });
    await run.socket.start();
    await run.socket.stop();
    expect(run.socket.stats().connected).toBe(false);
    expect(run.clock.pendingTimers()).toBe(0);
  });
});
