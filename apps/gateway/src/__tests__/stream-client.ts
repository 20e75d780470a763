import { PROTOCOL_VERSION, type ServerFrame } from '@icc/protocol';
import WebSocket from 'ws';

/** A raw `ws` client that records server frames and lets a test wait for the ones it expects. */
export interface StreamClient {
  socket: WebSocket;
  frames: ServerFrame[];
  send(frame: unknown): void;
  hello(token: string, resumeFrom?: number): void;
  /** Resolves with the first recorded frame (from `from` on) matching `predicate`. */
  waitFor<T extends ServerFrame = ServerFrame>(predicate: (frame: ServerFrame) => boolean, from?: number): Promise<T>;
  waitForClose(): Promise<{ code: number; reason: string }>;
  close(): Promise<void>;
}

export async function openStream(baseUrl: string): Promise<StreamClient> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/v1/agent-stream`);
  const frames: ServerFrame[] = [];
  const waiters = new Set<() => void>();
  let closeInfo: { code: number; reason: string } | undefined;
  socket.on('message', (payload) => {
    frames.push(JSON.parse(payload.toString()) as ServerFrame);
    for (const wake of [...waiters]) wake();
  });
  socket.on('close', (code, reason) => {
    closeInfo = { code, reason: reason.toString() };
    for (const wake of [...waiters]) wake();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const waitUntil = <T>(check: () => T | undefined, what: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const attempt = () => {
        const found = check();
        if (found !== undefined) {
          waiters.delete(attempt);
          resolve(found);
        } else if (closeInfo && what !== 'close') {
          waiters.delete(attempt);
          reject(new Error(`socket closed (${closeInfo.code} ${closeInfo.reason}) while waiting for ${what}`));
        }
      };
      waiters.add(attempt);
      attempt();
    });
  return {
    socket,
    frames,
    send: (frame) => socket.send(JSON.stringify(frame)),
    hello(token, resumeFrom) {
      socket.send(JSON.stringify({ type: 'hello', token, protocolVersion: PROTOCOL_VERSION, ...(resumeFrom === undefined ? {} : { resumeFrom }) }));
    },
    waitFor: <T extends ServerFrame>(predicate: (frame: ServerFrame) => boolean, from = 0) =>
      waitUntil(() => frames.slice(from).find(predicate) as T | undefined, 'a frame'),
    waitForClose: () => waitUntil(() => closeInfo, 'close'),
    async close() {
      if (socket.readyState === WebSocket.CLOSED) return;
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.close();
      await closed;
    },
  };
}
