import type { AddressInfo } from 'node:net';
import { ClientFrame, type ServerFrame } from '@icc/protocol';
import { WebSocketServer, type WebSocket } from 'ws';

/** One client connection, driven step by step by the test. */
export interface ScriptedConnection {
  /** Resolves with the next frame the client sends (validated as a `ClientFrame`). */
  nextFrame(): Promise<ClientFrame>;
  /** Frames received so far and not yet taken by `nextFrame`. */
  readonly unread: readonly ClientFrame[];
  send(frame: ServerFrame | Record<string, unknown>): void;
  sendRaw(text: string): void;
  close(code?: number, reason?: string): Promise<void>;
  /** Drops the TCP connection without a close handshake. */
  terminate(): void;
  readonly closed: Promise<{ code: number }>;
}

export interface ScriptedAgentStreamServer {
  url: string;
  /** Connections in the order they arrived. */
  readonly connections: readonly ScriptedConnection[];
  nextConnection(): Promise<ScriptedConnection>;
  close(): Promise<void>;
}

/** A real `ws` server on an ephemeral port; each test scripts the gateway's side of the conversation. */
export async function startScriptedAgentStreamServer(): Promise<ScriptedAgentStreamServer> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/v1/agent-stream' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const connections: ScriptedConnection[] = [];
  const connectionWaiters: ((connection: ScriptedConnection) => void)[] = [];
  let taken = 0;

  server.on('connection', (socket) => {
    const connection = scriptConnection(socket);
    connections.push(connection);
    connectionWaiters.shift()?.(connection);
  });

  return {
    url: `ws://127.0.0.1:${port}/v1/agent-stream`,
    connections,
    nextConnection() {
      const index = taken;
      taken += 1;
      const arrived = connections[index];
      if (arrived) return Promise.resolve(arrived);
      return new Promise((resolve) => connectionWaiters.push(resolve));
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const client of server.clients) client.terminate();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function scriptConnection(socket: WebSocket): ScriptedConnection {
  const unread: ClientFrame[] = [];
  const frameWaiters: ((frame: ClientFrame) => void)[] = [];
  const closed = new Promise<{ code: number }>((resolve) => socket.once('close', (code) => resolve({ code })));

  socket.on('message', (message) => {
    const frame = ClientFrame.parse(JSON.parse(String(message)));
    const waiter = frameWaiters.shift();
    if (waiter) waiter(frame);
    else unread.push(frame);
  });

  return {
    unread,
    closed,
    nextFrame() {
      const frame = unread.shift();
      if (frame) return Promise.resolve(frame);
      return new Promise((resolve) => frameWaiters.push(resolve));
    },
    send: (frame) => socket.send(JSON.stringify(frame)),
    sendRaw: (text) => socket.send(text),
    async close(code = 1000, reason = '') {
      socket.close(code, reason);
      await closed;
    },
    terminate: () => socket.terminate(),
  };
}
