import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WS_CLOSE_CODES } from '@icc/protocol';
import { WebSocketServer, type WebSocket } from 'ws';
import type { GatewayServices } from '../composition/gateway-services';
import type { AgentStreamSettings } from './agent-stream-settings';
import { createAgentStreamSession, type AgentStreamSession } from './agent-stream-session';
import { createQueueStatsBroadcaster } from './queue-stats-broadcaster';

export const AGENT_STREAM_PATH = '/v1/agent-stream';
const MAX_FRAME_BYTES = 64 * 1024;

export interface AgentStreamServer {
  /** Closes every socket with `code` (4001 on shutdown: clients resume elsewhere or later). */
  close(code: number, reason: string): Promise<void>;
  connectionCount(): number;
}

/** `/v1/agent-stream` on the gateway's HTTP server (`noServer` upgrade with a path check). */
export function attachAgentStream(server: Server, services: GatewayServices, settings: AgentStreamSettings): AgentStreamServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const sessions = new Map<WebSocket, AgentStreamSession>();
  const statsBroadcaster = createQueueStatsBroadcaster({
    store: services.store,
    clock: services.clock,
    logger: services.logger,
    timerClock: services.timerClock,
    intervalMs: settings.queueStatsIntervalMs,
    broadcast: (frame) => {
      for (const session of sessions.values()) session.sendQueueStats(frame);
    },
  });
  let liveSupervisors = 0;
  const liveSupervisorChanged = (live: boolean) => {
    liveSupervisors += live ? 1 : -1;
  };
  const unsubscribe = services.hub.subscribe(() => {
    if (liveSupervisors > 0) statsBroadcaster.eventsFlowed();
  });

  const refuse = (socket: Duplex, status: number, text: string) => {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? '/', 'http://gateway').pathname;
    if (path !== AGENT_STREAM_PATH) return refuse(socket, 404, 'Not Found');
    if (services.lifecycle.isShuttingDown()) return refuse(socket, 503, 'Service Unavailable');
    wss.handleUpgrade(request, socket, head, (ws) => {
      const session = createAgentStreamSession(ws, services, settings, liveSupervisorChanged);
      sessions.set(ws, session);
      services.metrics.wsConnections.inc();
      ws.on('message', (payload, isBinary) => {
        if (isBinary) return session.close(WS_CLOSE_CODES.protocolError, 'frames are JSON text');
        session.receive(payload.toString());
      });
      ws.on('close', () => {
        session.closed();
        sessions.delete(ws);
        services.metrics.wsConnections.dec();
      });
      ws.on('error', (error) => services.logger.warn({ err: error }, 'agent stream socket error'));
    });
  };
  server.on('upgrade', onUpgrade);

  return {
    async close(code, reason) {
      server.off('upgrade', onUpgrade);
      unsubscribe();
      statsBroadcaster.stop();
      const closing = [...sessions.keys()].map(
        (ws) =>
          new Promise<void>((resolve) => {
            if (ws.readyState === ws.CLOSED) return resolve();
            ws.once('close', () => resolve());
            sessions.get(ws)?.close(code, reason);
            // A peer that never answers the close handshake is cut off.
            setTimeout(() => ws.terminate(), 2000).unref();
          }),
      );
      await Promise.all(closing);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
    connectionCount: () => sessions.size,
  };
}
