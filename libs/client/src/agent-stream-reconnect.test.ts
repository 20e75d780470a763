import { exampleAgentCommand, exampleWelcomeFrame, WS_CLOSE_CODES, type HelloFrame } from '@icc/protocol';
import { GLOBAL_TIMERS, type StreamTimers } from './stream-timers';
import { acceptFresh, delay, eventually, observeStream, type ObservedStream } from './testing/agent-stream-test-kit';
import { eventFrameAt } from './testing/example-stream-frames';
import { startScriptedAgentStreamServer, type ScriptedAgentStreamServer } from './testing/scripted-agent-stream-server';

/** Real timers that also record every delay the stream asks for. */
function recordingTimers(scale = 1): StreamTimers & { delays: number[] } {
  const delays: number[] = [];
  return {
    delays,
    setTimeout(callback, delayMs) {
      delays.push(delayMs);
      return GLOBAL_TIMERS.setTimeout(callback, delayMs * scale);
    },
    clearTimeout: GLOBAL_TIMERS.clearTimeout,
  };
}

describe('createAgentStream reconnection', () => {
  let server: ScriptedAgentStreamServer;
  let observed: ObservedStream | undefined;

  beforeEach(async () => {
    server = await startScriptedAgentStreamServer();
  });

  afterEach(async () => {
    observed?.stream.close();
    observed = undefined;
    await server.close();
  });

  it('resumes from the last seq after a dropped connection and delivers every seq once, in order', async () => {
    observed = observeStream(server);
    const first = await acceptFresh(server, 10);
    first.send(eventFrameAt(11));
    first.send(eventFrameAt(12));
    await eventually(() => expect(observed?.stream.lastSeq).toBe(12));

    first.terminate();
    await observed.reach('reconnecting');
    const second = await server.nextConnection();
    const hello = (await second.nextFrame()) as HelloFrame;
    expect(hello).toMatchObject({ type: 'hello', resumeFrom: 12 });

    second.send(exampleWelcomeFrame({ resumed: true, headSeq: 14 }));
    // A gateway replaying from a little too early must not cause double delivery.
    for (const seq of [11, 12, 13, 14]) second.send(eventFrameAt(seq));
    await eventually(() => expect(observed?.stream.lastSeq).toBe(14));

    const delivered = observed.frames.flatMap((frame) => (frame.type === 'event' ? [frame.event.seq] : []));
    expect(delivered).toEqual([11, 12, 13, 14]);
    expect(observed.statuses).toEqual(['open', 'reconnecting', 'open']);
  });

  it('sends resumeFrom on every reconnection after the first welcome, and not before it', async () => {
    observed = observeStream(server);
    const refused = await server.nextConnection();
    expect(await refused.nextFrame()).not.toHaveProperty('resumeFrom');
    await refused.close(1011);

    const fresh = await acceptFresh(server, 20);
    await eventually(() => expect(observed?.stream.lastSeq).toBe(20));
    await fresh.close(WS_CLOSE_CODES.serverRestart);
    const resumed = await server.nextConnection();
    expect(await resumed.nextFrame()).toMatchObject({ resumeFrom: 20 });
    await resumed.close(WS_CLOSE_CODES.slowConsumer);
    const again = await server.nextConnection();
    expect(await again.nextFrame()).toMatchObject({ resumeFrom: 20 });
  });

  it('takes lastSeq from a snapshot when the gateway could not resume', async () => {
    observed = observeStream(server);
    const first = await acceptFresh(server, 10);
    await eventually(() => expect(observed?.stream.lastSeq).toBe(10));
    first.terminate();
    const second = await acceptFresh(server, 500);
    await eventually(() => expect(observed?.stream.lastSeq).toBe(500));
    second.send(eventFrameAt(501));
    await eventually(() => expect(observed?.stream.lastSeq).toBe(501));
  });

  it('rejects a command in flight when the connection drops, and sends one issued while disconnected after reconnecting', async () => {
    observed = observeStream(server, { reconnect: { initialDelayMs: 30, maxDelayMs: 30 } });
    const first = await acceptFresh(server);
    await observed.reach('open');
    const inFlight = observed.stream.sendCommand(exampleAgentCommand('hold'));
    await first.nextFrame();
    first.terminate();
    await expect(inFlight).rejects.toMatchObject({ status: 0, code: 'connection_lost' });

    await observed.reach('reconnecting');
    const waiting = observed.stream.sendCommand(exampleAgentCommand('resume'));
    const second = await server.nextConnection();
    expect((await second.nextFrame()).type).toBe('hello');
    second.send(exampleWelcomeFrame({ resumed: true }));
    const command = await second.nextFrame();
    if (command.type !== 'command') throw new Error(`expected a command, got ${command.type}`);
    expect(command.command.type).toBe('resume');
    second.send({ type: 'command.result', id: command.id, ok: false, error: { code: 'not_found', message: 'gone' } });
    await expect(waiting).rejects.toMatchObject({ status: 404, code: 'not_found' });
  });

  it.each([
    [WS_CLOSE_CODES.unauthorized, 401, 'unauthorized'],
    [WS_CLOSE_CODES.forbidden, 403, 'forbidden'],
  ])('does not reconnect after close %i and reports %i %s', async (closeCode, status, code) => {
    observed = observeStream(server, { reconnect: { initialDelayMs: 5, maxDelayMs: 5 } });
    const waiting = observed.stream.sendCommand(exampleAgentCommand('accept'));
    const connection = await server.nextConnection();
    await connection.nextFrame();
    await connection.close(closeCode, 'token expired');
    await observed.reach('closed');
    await expect(waiting).rejects.toMatchObject({ status, code });
    await delay(60);
    expect(server.connections).toHaveLength(1);
    expect(observed.errors).toEqual([expect.objectContaining({ status, code })]);
    expect(observed.errors[0]?.message).toContain('token expired');
  });

  it('backs off exponentially up to maxDelayMs while the gateway keeps refusing, and starts over after a welcome', async () => {
    const timers = recordingTimers();
    observed = observeStream(server, { reconnect: { initialDelayMs: 4, maxDelayMs: 30 }, random: () => 1, timers });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const refused = await server.nextConnection();
      await refused.nextFrame();
      await refused.close(1011);
    }
    const welcomed = await acceptFresh(server);
    await observed.reach('open');
    await welcomed.close(1011);
    await server.nextConnection();

    const reconnectDelays = timers.delays.filter((delayMs) => delayMs <= 30);
    expect(reconnectDelays).toEqual([4, 8, 16, 30, 30, 4]);
  });

  it('jitters each delay between half and all of the exponential ceiling', async () => {
    const timers = recordingTimers();
    observed = observeStream(server, { reconnect: { initialDelayMs: 8, maxDelayMs: 100 }, random: () => 0, timers });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const refused = await server.nextConnection();
      await refused.close(1011);
    }
    await server.nextConnection();
    expect(timers.delays).toEqual([4, 8, 16]);
  });

  it('drops a silent connection after three missed heartbeats and resumes on a new one', async () => {
    // Scaled timers: a 1 s heartbeat becomes 10 ms, so the 3-heartbeat silence limit is 30 ms.
    const timers = recordingTimers(0.01);
    observed = observeStream(server, { timers });
    const silent = await server.nextConnection();
    await silent.nextFrame();
    silent.send(exampleWelcomeFrame({ heartbeatSeconds: 1 }));
    silent.send(eventFrameAt(3));
    const next = await server.nextConnection();
    expect(await next.nextFrame()).toMatchObject({ type: 'hello', resumeFrom: 3 });
    expect(timers.delays).toContain(3000);
    expect(await silent.closed).toEqual({ code: 1000 });
  });
});
