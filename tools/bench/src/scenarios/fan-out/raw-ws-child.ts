import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Interaction, NewIccEvent } from '@icc/protocol';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ChildMessage } from '../../process/child-message';
import { answerMemoryQueries, exitOnStop, nextParentMessage, tellParent } from '../../process/child-side';

interface ViewsMessage extends ChildMessage {
  /** Interaction id → the view our gateway would attach (same frame size). */
  views: Record<string, Interaction>;
}

/**
 * Baseline: a bare http server and WebSocketServer. Each POSTed event becomes the same
 * `event` frame our gateway sends, written to the socket of the interaction's agent. No
 * auth, validation, storage or filtering: the most a Node process can push through `ws`. A client
 * that says `hello` gets a snapshot of its own calls' views (no agents, queues or stats to list).
 */
async function start() {
  const { views } = await nextParentMessage<ViewsMessage>('views');
  const sockets = new Map<string, WebSocket>();
  const viewsOfAgent = new Map<string, Interaction[]>();
  for (const view of Object.values(views)) if (view.agentId !== undefined) viewsOfAgent.set(view.agentId, [...(viewsOfAgent.get(view.agentId) ?? []), view]);
  let seq = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const { events } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { events: NewIccEvent[] };
      for (const event of events) {
        const interaction = 'interactionId' in event ? views[event.interactionId] : undefined;
        const socket = interaction?.agentId === undefined ? undefined : sockets.get(interaction.agentId);
        socket?.send(JSON.stringify({ type: 'event', event: { ...event, seq: ++seq }, interaction }));
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ events: events.length }));
    });
  });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (socket, request) => {
    const agentId = new URL(request.url ?? '/', 'http://raw').searchParams.get('agent') ?? '';
    sockets.set(agentId, socket);
    socket.on('message', (data: Buffer) => {
      if (data.toString('utf8', 0, 20).includes('"hello"')) socket.send(JSON.stringify({ type: 'snapshot', seq, interactions: viewsOfAgent.get(agentId) ?? [], queues: [], agents: [], queueStats: [] }));
    });
    socket.on('close', () => sockets.delete(agentId));
  });
  answerMemoryQueries();
  server.listen(0, '127.0.0.1', () => tellParent({ type: 'ready', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  exitOnStop(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of wss.clients) socket.terminate();
        wss.close(() => server.close(() => resolve()));
      }),
  );
}

void start();
