import { createAgentStream, type AgentStream, type InteractionCommand } from '@icc/client';
import type { Interaction, ServerFrame } from '@icc/protocol';
import WebSocket from 'ws';

/** What one agent's stream delivered, as it came off the wire (before the client's own de-duplication). */
export interface StreamRecord {
  /** `seq` of the first snapshot: events after it are what the stream owes the agent. */
  snapshotSeq: number | undefined;
  /** Every event `seq` received, across reconnections, in arrival order. */
  eventSeqs: number[];
  /** Snapshots after the first: a resume the server refused. */
  extraSnapshots: number;
  connections: number;
  drops: number;
}

const streamUrl = (baseUrl: string) => `${baseUrl.replace(/^http/, 'ws')}/v1/agent-stream`;

interface Pending {
  cancel(): void;
}

/**
 * One simulated agent: the typed client's agent stream (reconnect + resume) over a `ws` socket
 * that records raw frames and can be cut by the test, and a bot that works every interaction it
 * is offered through stream commands, with human-ish pauses.
 */
export function startLoadAgent(options: {
  url: string;
  agentId: string;
  token: string;
  works: boolean;
  /** Base URL of each new connection (default `url`): a clustered agent reconnects to a gateway still up. */
  connectTo?: () => string;
}) {
  const record: StreamRecord = { snapshotSeq: undefined, eventSeqs: [], extraSnapshots: 0, connections: 0, drops: 0 };
  const views = new Map<string, Interaction>();
  const planned = new Map<string, Pending>();
  const commandErrors = new Map<string, number>();
  let current: TrackedSocket | undefined;
  let stopped = false;

  const observe = (frame: ServerFrame) => {
    if (frame.type === 'snapshot') {
      if (record.snapshotSeq === undefined) record.snapshotSeq = frame.seq;
      else record.extraSnapshots += 1;
    } else if (frame.type === 'event') record.eventSeqs.push(frame.event.seq);
  };

  const opened = (socket: TrackedSocket) => {
    current = socket;
    record.connections += 1;
  };
  class TrackedSocket extends WebSocket {
    private cut = false;
    constructor(url: string) {
      super(options.connectTo ? streamUrl(options.connectTo()) : url);
      opened(this);
      this.on('message', (data) => {
        if (!this.cut) observe(JSON.parse(data.toString()) as ServerFrame);
      });
    }
    /** A network drop: nothing after this instant counts as received on this socket. */
    drop(): void {
      this.cut = true;
      this.terminate();
    }
  }

  const stream: AgentStream = createAgentStream({
    url: streamUrl(options.url),
    getToken: () => options.token,
    WebSocket: TrackedSocket,
    reconnect: { initialDelayMs: 50, maxDelayMs: 500 },
    commandTimeoutMs: 5000,
  });

  const choose = (view: Interaction): { command: InteractionCommand; afterMs: number } | undefined => {
    switch (view.state) {
      case 'offered':
        return { command: { type: 'accept' }, afterMs: 100 };
      case 'previewing':
        return { command: { type: 'dial', phoneNumber: view.card.phoneNumbers[0] as string }, afterMs: 300 };
      case 'no-answer':
        return { command: view.attempts.length < view.maxAttempts ? { type: 'redial' } : { type: 'close-callback' }, afterMs: 300 };
      case 'connected':
        return { command: { type: 'end-call' }, afterMs: 1500 };
      case 'wrap-up':
        return { command: { type: 'submit-wrap-up', wrapUp: { reason: 'resolved', notes: 'load run' } }, afterMs: 300 };
      default:
        return undefined;
    }
  };
  const plan = (view: Interaction) => {
    planned.get(view.id)?.cancel();
    planned.delete(view.id);
    if (stopped || !options.works || view.agentId !== options.agentId) return;
    const next = choose(view);
    if (!next) return;
    const timer = setTimeout(() => {
      planned.delete(view.id);
      stream.sendCommand({ ...next.command, interactionId: view.id } as Parameters<AgentStream['sendCommand']>[0]).catch((error: { code?: string }) => {
        const code = error.code ?? 'unknown';
        commandErrors.set(code, (commandErrors.get(code) ?? 0) + 1);
      });
    }, next.afterMs);
    planned.set(view.id, { cancel: () => clearTimeout(timer) });
  };
  stream.subscribe((frame) => {
    if (frame.type === 'snapshot') for (const view of frame.interactions) views.set(view.id, view);
    else if (frame.type === 'event' && frame.interaction) {
      views.set(frame.interaction.id, frame.interaction);
      plan(frame.interaction);
    }
  });
  // After a drop a command may have been lost with its socket: look again at what is still ours.
  const sweep = setInterval(() => {
    for (const view of views.values()) if (!planned.has(view.id) && view.state !== 'closed') plan(view);
  }, 1000);

  return {
    agentId: options.agentId,
    record,
    commandErrors,
    isOpen: () => stream.status === 'open',
    /** The base URL the current connection went to. */
    connectedTo: () => current?.url.replace(/^ws/, 'http').replace(/\/v1\/agent-stream$/, ''),
    lastSeq: () => stream.lastSeq,
    /** Cuts the current connection as a network failure would; the client reconnects and resumes. */
    drop() {
      if (!current || current.readyState !== WebSocket.OPEN) return false;
      record.drops += 1;
      current.drop();
      return true;
    },
    /** Stops acting (the stream keeps receiving). */
    stopWorking() {
      stopped = true;
      clearInterval(sweep);
      for (const pending of planned.values()) pending.cancel();
      planned.clear();
    },
    close() {
      this.stopWorking();
      stream.close();
    },
  };
}

export type LoadAgent = ReturnType<typeof startLoadAgent>;
