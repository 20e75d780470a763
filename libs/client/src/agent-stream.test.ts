import {
  exampleAgentCommand,
  exampleInteraction,
  exampleWelcomeFrame,
  PROTOCOL_VERSION,
  type CommandFrame,
} from '@icc/protocol';
import { IccApiError } from './icc-api-error';
import { acceptFresh, eventually, observeStream, STREAM_TOKEN, type ObservedStream } from './testing/agent-stream-test-kit';
import { eventFrameAt } from './testing/example-stream-frames';
import { startScriptedAgentStreamServer, type ScriptedAgentStreamServer } from './testing/scripted-agent-stream-server';

describe('createAgentStream against a scripted ws server', () => {
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

  it('says hello with the token and protocol version, then delivers welcome and snapshot', async () => {
    observed = observeStream(server);
    expect(observed.stream.status).toBe('connecting');
    const connection = await server.nextConnection();
    expect(await connection.nextFrame()).toEqual({ type: 'hello', token: STREAM_TOKEN, protocolVersion: PROTOCOL_VERSION });

    connection.send(exampleWelcomeFrame());
    await observed.reach('open');
    connection.send({ type: 'snapshot', seq: 7, interactions: [exampleInteraction()], queues: [], agents: [], queueStats: [] });
    await eventually(() => expect(observed?.frames.map((frame) => frame.type)).toEqual(['welcome', 'snapshot']));
    expect(observed.stream.lastSeq).toBe(7);
    expect(observed.stream.welcome?.agent.id).toBe('agent-ada');
    expect(observed.statuses).toEqual(['open']);
  });

  it('delivers events in order to every subscriber and tracks the highest seq', async () => {
    observed = observeStream(server);
    const seen: number[] = [];
    const unsubscribe = observed.stream.subscribe((frame) => {
      if (frame.type === 'event') seen.push(frame.event.seq);
    });
    const connection = await acceptFresh(server, 10);
    connection.send(eventFrameAt(11));
    connection.send(eventFrameAt(12));
    await eventually(() => expect(seen).toEqual([11, 12]));
    expect(observed.stream.lastSeq).toBe(12);

    unsubscribe();
    connection.send(eventFrameAt(13));
    await eventually(() => expect(observed?.stream.lastSeq).toBe(13));
    expect(seen).toEqual([11, 12]);
  });

  it('resolves a command with the interaction of its ok result', async () => {
    observed = observeStream(server);
    const connection = await acceptFresh(server);
    await observed.reach('open');
    const result = observed.stream.sendCommand(exampleAgentCommand('accept'));
    const frame = (await connection.nextFrame()) as CommandFrame;
    expect(frame).toMatchObject({ type: 'command', command: { type: 'accept', interactionId: 'ix-0001' } });

    const accepted = exampleInteraction({ state: 'previewing', seq: 12 });
    connection.send({ type: 'command.result', id: 'someone-else', ok: true, interaction: exampleInteraction() });
    connection.send({ type: 'command.result', id: frame.id, ok: true, interaction: accepted });
    await expect(result).resolves.toEqual(accepted);
  });

  it('gives every command its own id and rejects an ok:false result with IccApiError mapped to a status', async () => {
    observed = observeStream(server);
    const connection = await acceptFresh(server);
    await observed.reach('open');
    const dial = observed.stream.sendCommand(exampleAgentCommand('dial'));
    const hold = observed.stream.sendCommand(exampleAgentCommand('hold'));
    const dialFrame = (await connection.nextFrame()) as CommandFrame;
    const holdFrame = (await connection.nextFrame()) as CommandFrame;
    expect(dialFrame.id).not.toBe(holdFrame.id);

    const error = { code: 'invalid_transition' as const, message: '"hold" is not allowed while previewing' };
    connection.send({ type: 'command.result', id: holdFrame.id, ok: false, error });
    connection.send({ type: 'command.result', id: dialFrame.id, ok: false, error: { code: 'forbidden', message: 'Not yours' } });
    const holdError = await hold.catch((caught: unknown) => caught);
    expect(holdError).toBeInstanceOf(IccApiError);
    expect(holdError).toMatchObject({ status: 409, code: 'invalid_transition', body: error });
    await expect(dial).rejects.toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('holds a command issued before the welcome and sends it once welcomed', async () => {
    observed = observeStream(server);
    const result = observed.stream.sendCommand(exampleAgentCommand('reject'));
    const connection = await server.nextConnection();
    expect((await connection.nextFrame()).type).toBe('hello');
    connection.send(exampleWelcomeFrame());
    const frame = (await connection.nextFrame()) as CommandFrame;
    expect(frame.command.type).toBe('reject');
    connection.send({ type: 'command.result', id: frame.id, ok: true, interaction: exampleInteraction() });
    await expect(result).resolves.toMatchObject({ id: 'ix-0001' });
  });

  it('rejects a command with no result within commandTimeoutMs as command_timeout', async () => {
    observed = observeStream(server, { commandTimeoutMs: 50 });
    await acceptFresh(server);
    await expect(observed.stream.sendCommand(exampleAgentCommand('mute'))).rejects.toMatchObject({ status: 0, code: 'command_timeout' });
  });

  it('rejects an invalid command locally with validation_failed', async () => {
    observed = observeStream(server);
    const connection = await acceptFresh(server);
    await observed.reach('open');
    const invalid = { type: 'send-dtmf', interactionId: 'ix-0001', digits: 'hello' } as const;
    await expect(observed.stream.sendCommand(invalid)).rejects.toMatchObject({ status: 400, code: 'validation_failed' });
    expect(connection.unread).toEqual([]);
  });

  it('answers a server ping with a pong carrying the same timestamp', async () => {
    observed = observeStream(server);
    const connection = await acceptFresh(server);
    connection.send({ type: 'ping', at: 1234 });
    expect(await connection.nextFrame()).toEqual({ type: 'pong', at: 1234 });
  });

  it('reports frames that are not JSON or not ServerFrames and keeps going', async () => {
    observed = observeStream(server);
    const connection = await acceptFresh(server, 10);
    connection.sendRaw('not json');
    connection.send({ type: 'event', event: { type: 'interaction.teleported', seq: 11 } });
    connection.send(eventFrameAt(11));
    await eventually(() => expect(observed?.stream.lastSeq).toBe(11));
    expect(observed.errors.map((error) => error.code)).toEqual(['invalid_frame', 'invalid_frame']);
    expect(observed.errors[1]?.message).toContain('"event"');
    expect(observed.stream.status).toBe('open');
  });

  it('reports a throwing listener as listener_failed without breaking delivery', async () => {
    observed = observeStream(server);
    observed.stream.subscribe(() => {
      throw new Error('render failed');
    });
    const connection = await acceptFresh(server, 10);
    connection.send(eventFrameAt(11));
    await eventually(() => expect(observed?.frames.some((frame) => frame.type === 'event')).toBe(true));
    expect(observed.errors.some((error) => error.code === 'listener_failed' && error.message.includes('render failed'))).toBe(true);
  });

  it('close() closes the socket normally, rejects waiting commands and refuses new ones', async () => {
    observed = observeStream(server);
    const connection = await acceptFresh(server);
    await observed.reach('open');
    const pending = observed.stream.sendCommand(exampleAgentCommand('end-call'));
    await connection.nextFrame();
    observed.stream.close();
    expect(observed.stream.status).toBe('closed');
    await expect(pending).rejects.toMatchObject({ code: 'stream_closed' });
    await expect(observed.stream.sendCommand(exampleAgentCommand('hold'))).rejects.toMatchObject({ code: 'stream_closed' });
    expect(await connection.closed).toEqual({ code: 1000 });
    expect(observed.statuses).toEqual(['open', 'closed']);
  });

  it('closes as unauthorized when there is no token', async () => {
    observed = observeStream(server, { getToken: () => undefined });
    await observed.reach('closed');
    expect(observed.errors).toEqual([expect.objectContaining({ status: 401, code: 'unauthorized' })]);
  });
});
