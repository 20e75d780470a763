import type { WebSocketLike } from '@icc/client';
import {
  exampleAgent,
  exampleInteraction,
  exampleQueueConfig,
  exampleSnapshotFrame,
  exampleWelcomeFrame,
  type ClientFrame,
  type ServerFrame,
} from '@icc/protocol';
import { agentStreamUrl, createBrowserSession } from './create-browser-session';
import type { WorkspaceSession } from './workspace-session';

type Listener = (event: never) => void;

/** Just enough of a browser WebSocket to script the gateway's side of `/v1/agent-stream`. */
class ScriptedSocket implements WebSocketLike {
  static latest: ScriptedSocket | undefined;
  readyState = 0;
  readonly sent: ClientFrame[] = [];
  private readonly listeners = new Map<string, Listener[]>();

  constructor(readonly url: string) {
    ScriptedSocket.latest = this;
  }

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data) as ClientFrame);
  }

  close(): void {
    this.readyState = 3;
  }

  open(): void {
    this.readyState = 1;
    this.emit('open', {});
  }

  receive(frame: ServerFrame): void {
    this.emit('message', { data: JSON.stringify(frame) });
  }

  drop(): void {
    this.readyState = 3;
    this.emit('close', { code: 1006, reason: '' });
  }

  private emit(type: string, event: unknown): void {
    for (const listener of this.listeners.get(type) ?? []) (listener as (event: unknown) => void)(event);
  }
}

function socket(): ScriptedSocket {
  if (!ScriptedSocket.latest) throw new Error('no socket opened');
  return ScriptedSocket.latest;
}

describe('createBrowserSession', () => {
  let session: WorkspaceSession;
  const restCalls: { url: string; body: unknown }[] = [];
  const fetchFake = (async (url: string, init?: RequestInit) => {
    restCalls.push({ url, body: init?.body === undefined ? undefined : JSON.parse(String(init.body)) });
    const answer = url.includes('/v1/queues/')
      ? exampleQueueConfig({ version: 2, callingHours: { start: '09:00', end: '20:00' } })
      : exampleInteraction({ state: 'previewing', agentId: exampleAgent().id, seq: 60 });
    // jsdom has no fetch Response; the client reads only these fields.
    return { ok: true, status: 200, statusText: 'OK', text: async () => JSON.stringify(answer) } as Response;
  }) as typeof fetch;

  beforeEach(() => {
    restCalls.length = 0;
    session = createBrowserSession({
      getToken: () => 'token-ada',
      signedIn: exampleAgent({ presence: 'offline' }),
      origin: 'http://gateway.test',
      streamUrl: 'ws://gateway.test/v1/agent-stream',
      WebSocket: ScriptedSocket,
      fetch: fetchFake,
    });
  });

  afterEach(() => session.close());

  it('says hello with the token and reports the connection status', () => {
    expect(session.getConnectionStatus()).toBe('connecting');
    socket().open();
    expect(socket().sent[0]).toMatchObject({ type: 'hello', token: 'token-ada' });

    const statuses: string[] = [];
    session.subscribeConnection(() => statuses.push(session.getConnectionStatus()));
    socket().receive(exampleWelcomeFrame());
    expect(statuses).toEqual(['online']);
  });

  it('shows the signed-in agent until welcome and snapshot fill the state', () => {
    expect(session.getState()).toMatchObject({ me: { presence: 'offline' }, capabilities: undefined, interactions: [] });
    socket().open();
    socket().receive(exampleWelcomeFrame());
    socket().receive(exampleSnapshotFrame());

    const state = session.getState();
    expect(state.me.presence).toBe('available');
    expect(state.capabilities?.hold).toBe(true);
    expect(state.interactions.map((interaction) => interaction.id)).toEqual([exampleInteraction().id]);
    expect(state.queues).toEqual([exampleQueueConfig()]);
    expect(session.getState()).toBe(state);
  });

  it('sends commands over REST while the stream is not open, and folds the answer in', async () => {
    const interaction = await session.sendCommand({ type: 'accept', interactionId: 'ix-0001' });
    expect(restCalls).toEqual([{ url: 'http://gateway.test/v1/interactions/ix-0001/commands', body: { type: 'accept' } }]);
    expect(interaction.state).toBe('previewing');
    expect(session.getState().interactions.map((candidate) => candidate.state)).toEqual(['previewing']);
  });

  it('saves queue settings over REST and shows the saved version at once', async () => {
    socket().open();
    socket().receive(exampleWelcomeFrame());
    socket().receive(exampleSnapshotFrame());
    const saved = await session.updateQueue('q-support', { callingHours: { start: '09:00', end: '20:00' } }, 1);
    expect(restCalls).toEqual([{ url: 'http://gateway.test/v1/queues/q-support', body: { callingHours: { start: '09:00', end: '20:00' } } }]);
    expect(saved.version).toBe(2);
    expect(session.getState().queues).toEqual([saved]);
  });

  it('sends commands over the stream while it is open', async () => {
    socket().open();
    socket().receive(exampleWelcomeFrame());
    const result = session.sendCommand({ type: 'reject', interactionId: 'ix-0001' });
    const frame = socket().sent.find((sent) => sent.type === 'command');
    if (frame?.type !== 'command') throw new Error('no command frame sent');
    expect(frame.command).toEqual({ type: 'reject', interactionId: 'ix-0001' });

    socket().receive({ type: 'command.result', id: frame.id, ok: true, interaction: exampleInteraction({ seq: 70 }) });
    await expect(result).resolves.toMatchObject({ id: 'ix-0001', seq: 70 });
    expect(restCalls).toEqual([]);
  });

  it('keeps what it shows while reconnecting', () => {
    socket().open();
    socket().receive(exampleWelcomeFrame());
    socket().receive(exampleSnapshotFrame());
    const before = session.getState();
    socket().drop();
    expect(session.getConnectionStatus()).toBe('reconnecting');
    expect(session.getState()).toBe(before);
  });
});

describe('agentStreamUrl', () => {
  it('follows the page protocol', () => {
    expect(agentStreamUrl({ protocol: 'https:', host: 'icc.example' })).toBe('wss://icc.example/v1/agent-stream');
    expect(agentStreamUrl({ protocol: 'http:', host: 'localhost:4200' })).toBe('ws://localhost:4200/v1/agent-stream');
  });
});
