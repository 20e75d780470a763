import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Clock } from '@icc/core';
import { WebSocket, WebSocketServer } from 'ws';

interface SimChannel {
  id: string;
  topics: Set<string>;
  sockets: Set<WebSocket>;
}

/** The notification service: channels, topic subscriptions and a real WebSocket server on loopback. */
export interface SimNotifications {
  listen(): Promise<void>;
  close(): Promise<void>;
  createChannel(): { id: string; connectUri: string; expires: string };
  /** Replaces the channel's topics; false when there is no such channel. */
  subscribe(channelId: string, topics: readonly string[]): boolean;
  topicsOf(channelId: string): string[];
  /** One change: the same body on several topics; the fault settings apply to it as a whole. */
  publish(topics: readonly string[], eventBody: unknown): void;
  /** Sends a raw frame to every open socket (malformed payloads, unknown topics). */
  sendRaw(frame: string): void;
  duplicateNext(): void;
  reorderNext(count: number): void;
  /** The next change is delivered `seconds` of vendor time late. */
  delayNext(seconds: number): void;
  /** The next change is never delivered (the service does not guarantee delivery). */
  loseNext(): void;
  /** Closes every socket from the server side, as a network failure or a maintenance would. */
  dropConnections(): void;
  openConnections(): number;
  /** Frames sent to sockets still open (heartbeats included). */
  framesSent(): number;
}

export const HEARTBEAT_INTERVAL_MS = 30_000;

export function createSimNotifications(clock: Clock): SimNotifications {
  const channels = new Map<string, SimChannel>();
  const sent = new Map<WebSocket, number>();
  let server: WebSocketServer | undefined;
  let port = 0;
  let duplicates = 0;
  let losses = 0;
  const delays: number[] = [];
  const delayed = new Set<() => void>();
  let reorder: { count: number; held: Array<{ topics: readonly string[]; eventBody: unknown }> } | undefined;
  let cancelHeartbeat: (() => void) | undefined;

  const send = (socket: WebSocket, frame: string) => {
    if (socket.readyState !== WebSocket.OPEN) return;
    socket.send(frame);
    sent.set(socket, (sent.get(socket) ?? 0) + 1);
  };
  const deliver = (topics: readonly string[], eventBody: unknown) => {
    for (const channel of channels.values()) {
      for (const topicName of topics) {
        if (!channel.topics.has(topicName)) continue;
        const frame = JSON.stringify({ topicName, version: '2', eventBody, metadata: { CorrelationId: randomUUID() } });
        for (const socket of channel.sockets) send(socket, frame);
      }
    }
  };
  const heartbeat = () => {
    cancelHeartbeat = clock.setTimer(clock.now() + HEARTBEAT_INTERVAL_MS, () => {
      for (const channel of channels.values()) {
        for (const socket of channel.sockets) send(socket, JSON.stringify({ topicName: 'channel.metadata', eventBody: { message: 'WebSocket Heartbeat' } }));
      }
      heartbeat();
    });
  };
  const openSockets = () => [...channels.values()].flatMap((channel) => [...channel.sockets]).filter((socket) => socket.readyState === WebSocket.OPEN);

  return {
    async listen() {
      const listening = new WebSocketServer({ host: '127.0.0.1', port: 0 });
      server = listening;
      await new Promise<void>((resolve) => listening.once('listening', () => resolve()));
      port = (listening.address() as AddressInfo).port;
      listening.on('connection', (socket, request) => {
        const channel = channels.get((request.url ?? '').replace(/^\/channels\//, ''));
        if (!channel) {
          socket.close(4004, 'no such channel');
          return;
        }
        channel.sockets.add(socket);
        socket.on('close', () => {
          channel.sockets.delete(socket);
          sent.delete(socket);
        });
      });
      heartbeat();
    },
    async close() {
      cancelHeartbeat?.();
      for (const cancel of delayed) cancel();
      delayed.clear();
      const closing = server;
      server = undefined;
      for (const socket of openSockets()) socket.terminate();
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    createChannel() {
      const id = `streaming-0-${randomUUID().replace(/-/g, '').slice(0, 26)}`;
      channels.set(id, { id, topics: new Set(), sockets: new Set() });
      return { id, connectUri: `ws://127.0.0.1:${port}/channels/${id}`, expires: new Date(clock.now() + 24 * 3600 * 1000).toISOString() };
    },
    subscribe(channelId, topics) {
      const channel = channels.get(channelId);
      if (!channel) return false;
      channel.topics = new Set(topics);
      return true;
    },
    topicsOf: (channelId) => [...(channels.get(channelId)?.topics ?? [])],
    publish(topics, eventBody) {
      if (losses > 0) {
        losses -= 1;
        return;
      }
      const delaySeconds = delays.shift();
      if (delaySeconds !== undefined) {
        const cancel = clock.setTimer(clock.now() + delaySeconds * 1000, () => {
          delayed.delete(cancel);
          deliver(topics, eventBody);
        });
        delayed.add(cancel);
        return;
      }
      if (reorder) {
        reorder.held.push({ topics, eventBody });
        if (reorder.held.length < reorder.count) return;
        const held = reorder.held.reverse();
        reorder = undefined;
        for (const change of held) deliver(change.topics, change.eventBody);
        return;
      }
      deliver(topics, eventBody);
      if (duplicates > 0) {
        duplicates -= 1;
        deliver(topics, eventBody);
      }
    },
    sendRaw(frame) {
      for (const socket of openSockets()) send(socket, frame);
    },
    duplicateNext: () => {
      duplicates += 1;
    },
    reorderNext: (count) => {
      reorder = { count: Math.max(1, count), held: [] };
    },
    delayNext: (seconds) => {
      delays.push(seconds);
    },
    loseNext: () => {
      losses += 1;
    },
    dropConnections() {
      for (const socket of openSockets()) socket.terminate();
    },
    openConnections: () => openSockets().length,
    framesSent: () => openSockets().reduce((total, socket) => total + (sent.get(socket) ?? 0), 0),
  };
}
