import { performance } from 'node:perf_hooks';
import { PROTOCOL_VERSION } from '@icc/protocol';
import WebSocket from 'ws';

// Frames arrive as one Buffer each (the default `binaryType` 'nodebuffer', no fragmentation on loopback).

/** Receive times of probe events, indexed by the probe number carried in their DTMF digits. */
export interface ProbeClock {
  sentAt: Float64Array;
  receivedAt: Float64Array;
}

export function createProbeClock(probes: number): ProbeClock {
  return { sentAt: new Float64Array(probes), receivedAt: new Float64Array(probes) };
}

/** Room for `probes` in all: a paced phase's size is known only once the load is derived. */
export function growProbeClock(clock: ProbeClock, probes: number): void {
  if (clock.sentAt.length >= probes) return;
  const grown = createProbeClock(probes);
  grown.sentAt.set(clock.sentAt);
  grown.receivedAt.set(clock.receivedAt);
  clock.sentAt = grown.sentAt;
  clock.receivedAt = grown.receivedAt;
}

export interface AgentSocketSet {
  readonly sockets: WebSocket[];
  /** Probe frames received so far. */
  received(): number;
  /** Sockets that closed while the scenario still needed them. */
  closedEarly(): number;
  /** Per socket, ms from `hello` sent to its snapshot (from dialling to open without a hello). */
  readyMs: number[];
  close(): void;
}

interface SocketPlan {
  url: string;
  /** Sent right after open (our gateway's `hello`); none for the raw baseline of fan-out. */
  hello?: string;
  /** Source address on loopback (127.x.y.z): each has its own ephemeral ports, so thousands of sockets do not run out of them. */
  localAddress?: string;
}

/**
 * Opens sockets `concurrency` at a time; each is ready at its `snapshot` (ours) or at open (raw), and
 * fails after `readyTimeoutMs` from its hello (from dialling without one).
 */
export async function openAgentSockets(plans: readonly SocketPlan[], clock: ProbeClock, concurrency: number, readyTimeoutMs = 30_000): Promise<AgentSocketSet> {
  const sockets: WebSocket[] = [];
  const readyMs: number[] = [];
  let received = 0;
  let closedEarly = 0;
  let closing = false;

  const onFrame = (socket: WebSocket, data: Buffer) => {
    const frame = JSON.parse(data.toString('utf8')) as { type: string; event?: { type: string; digits?: string } };
    if (frame.type === 'event' && frame.event?.type === 'interaction.dtmf-sent') {
      clock.receivedAt[Number(frame.event.digits)] = performance.now();
      received++;
    } else if (frame.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
  };

  const open = (plan: SocketPlan) =>
    new Promise<WebSocket>((resolve, reject) => {
      let since = performance.now();
      const socket = new WebSocket(plan.url, plan.localAddress ? { localAddress: plan.localAddress } : {});
      const timeout = () => reject(new Error(`no ${plan.hello ? 'snapshot' : 'open'} from ${plan.url} within ${readyTimeoutMs / 1000} s (${sockets.length} of ${plans.length} sockets were ready)`));
      let timer = setTimeout(timeout, readyTimeoutMs);
      const ready = () => {
        clearTimeout(timer);
        readyMs.push(performance.now() - since);
        resolve(socket);
      };
      socket.once('error', reject);
      socket.once('open', () => {
        if (plan.hello) {
          since = performance.now();
          clearTimeout(timer);
          timer = setTimeout(timeout, readyTimeoutMs);
          socket.send(plan.hello);
        } else ready();
      });
      let isReady = !plan.hello;
      socket.on('message', (data: Buffer) => {
        // Snapshots hold every agent and open interaction: look at the frame type only, do not parse them.
        if (!isReady && data.toString('utf8', 0, 40).includes('"type":"snapshot"')) {
          isReady = true;
          ready();
        } else onFrame(socket, data);
      });
      socket.once('close', (code) => {
        if (!closing) closedEarly++;
        reject(new Error(`socket closed (${code}) before it was ready`));
      });
    });

  for (let first = 0; first < plans.length; first += concurrency) {
    sockets.push(...(await Promise.all(plans.slice(first, first + concurrency).map(open))));
  }
  return {
    sockets,
    received: () => received,
    readyMs,
    closedEarly: () => closedEarly,
    close() {
      closing = true;
      for (const socket of sockets) socket.terminate();
    },
  };
}

export function helloFrame(token: string): string {
  return JSON.stringify({ type: 'hello', token, protocolVersion: PROTOCOL_VERSION });
}
