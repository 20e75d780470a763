import { exampleSnapshotFrame, exampleWelcomeFrame, type ServerFrame } from '@icc/protocol';
import { WebSocket as NodeWebSocket } from 'ws';
import { createAgentStream, type AgentStream, type AgentStreamOptions, type AgentStreamStatus } from '../agent-stream';
import type { IccApiError } from '../icc-api-error';
import type { ScriptedAgentStreamServer, ScriptedConnection } from './scripted-agent-stream-server';

export const STREAM_TOKEN = 'agent-ada-jwt';

export interface ObservedStream {
  stream: AgentStream;
  frames: ServerFrame[];
  statuses: AgentStreamStatus[];
  errors: IccApiError[];
  /** Resolves when the stream reaches `status` (at once if it already has it). */
  reach(status: AgentStreamStatus): Promise<void>;
}

/** A stream on the `ws` package, with everything it emits recorded. */
export function observeStream(server: ScriptedAgentStreamServer, overrides: Partial<AgentStreamOptions> = {}): ObservedStream {
  const frames: ServerFrame[] = [];
  const statuses: AgentStreamStatus[] = [];
  const errors: IccApiError[] = [];
  const stream = createAgentStream({
    url: server.url,
    getToken: () => STREAM_TOKEN,
    WebSocket: NodeWebSocket,
    reconnect: { initialDelayMs: 5, maxDelayMs: 40 },
    onFrame: (frame) => frames.push(frame),
    onError: (error) => errors.push(error),
    ...overrides,
  });
  stream.onStatus((status) => statuses.push(status));
  return {
    stream,
    frames,
    statuses,
    errors,
    reach: (status) =>
      new Promise((resolve) => {
        if (stream.status === status) return resolve();
        const stop = stream.onStatus((next) => {
          if (next !== status) return;
          stop();
          resolve();
        });
      }),
  };
}

/** Plays the gateway's side of a fresh connection: expects `hello`, answers welcome + snapshot. */
export async function acceptFresh(server: ScriptedAgentStreamServer, snapshotSeq = 10): Promise<ScriptedConnection> {
  const connection = await server.nextConnection();
  const hello = await connection.nextFrame();
  if (hello.type !== 'hello') throw new Error(`expected hello, got ${hello.type}`);
  connection.send(exampleWelcomeFrame({ headSeq: snapshotSeq }));
  connection.send(exampleSnapshotFrame({ seq: snapshotSeq }));
  return connection;
}

export function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** Polls until `check` passes (for effects with no event to wait on), failing after `timeoutMs`. */
export async function eventually(check: () => void, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await delay(5);
    }
  }
}
