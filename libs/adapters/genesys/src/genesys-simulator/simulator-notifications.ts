import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Clock } from '@icc/core';
import type { Models } from 'purecloud-platform-client-v2';
import { WebSocket, WebSocketServer } from 'ws';

interface SimChannel {
  id: string;
  topics: Set<string>;
  sockets: Set<WebSocket>;
  lastUsed: number;
  /** The `socket_closing` warning and the expiry. */
  timers: Array<() => void>;
}

/** What `PUT …/subscriptions` made of each topic (`Models.ChannelTopic`). */
export type SimSubscription = { ok: true; topics: Models.ChannelTopic[] } | { ok: false; reason: 'no-channel' } | { ok: false; reason: 'forbidden'; topics: string[] };

/** The notification service: channels, topic subscriptions and a real WebSocket server on loopback. */
export interface SimNotifications {
  listen(): Promise<void>;
  close(): Promise<void>;
  createChannel(): Models.Channel & { id: string; connectUri: string };
  /**
   * Replaces the channel's topics. A topic the client may not see fails the whole request, unless
   * `ignoreErrors`: then it is left out and reported `Rejected`.
   */
  subscribe(channelId: string, topics: readonly string[], ignoreErrors: boolean): SimSubscription;
  /** The OAuth client lacks the permission for this topic from now on. */
  denyTopic(topic: string): void;
  channelIds(): string[];
  topicsOf(channelId: string): string[];
  /** One change: the same body on several topics; the fault settings apply to it as a whole. */
  publish(topics: readonly string[], eventBody: unknown): void;
  /** A user's status change, delivered at once: the fault settings target conversation changes. */
  publishNow(topics: readonly string[], eventBody: unknown): void;
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

/*
 * Channel limits, from the developer center's Notifications page (developer.genesys.cloud/
 * notificationsalerts/notifications/): a channel lives 24 hours; `v2.system.socket_closing`
 * warns about a minute before a socket closes; 20 channels per user and OAuth client, the 21st
 * removing the one used longest ago, channels without an active connection first.
 */
export const CHANNEL_LIFETIME_MS = 24 * 3600 * 1000;
export const SOCKET_CLOSING_WARNING_MS = 60_000;
export const MAX_CHANNELS = 20;

export function createSimNotifications(clock: Clock, options: { channelLifetimeMs?: number } = {}): SimNotifications {
  const lifetimeMs = options.channelLifetimeMs ?? CHANNEL_LIFETIME_MS;
  const channels = new Map<string, SimChannel>();
  const denied = new Set<string>();
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
  const remove = (channel: SimChannel) => {
    for (const cancel of channel.timers) cancel();
    channels.delete(channel.id);
    for (const socket of channel.sockets) socket.close(1000, 'channel removed');
  };
  const evictOne = () => {
    const byAge = [...channels.values()].sort((a, b) => a.lastUsed - b.lastUsed);
    const victim = byAge.find((channel) => channel.sockets.size === 0) ?? byAge[0];
    if (victim) remove(victim);
  };
  const systemMessage = (channel: SimChannel, message: string): string =>
    JSON.stringify({
      topicName: 'v2.system.socket_closing',
      version: '2',
      eventBody: { channelId: channel.id, message } satisfies Models.SystemMessageSystemMessage,
    });
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
        channel.lastUsed = clock.now();
        socket.on('close', () => {
          channel.sockets.delete(socket);
          sent.delete(socket);
        });
      });
      heartbeat();
    },
    async close() {
      cancelHeartbeat?.();
      for (const channel of channels.values()) for (const cancel of channel.timers) cancel();
      for (const cancel of delayed) cancel();
      delayed.clear();
      const closing = server;
      server = undefined;
      for (const socket of openSockets()) socket.terminate();
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    createChannel() {
      while (channels.size >= MAX_CHANNELS) evictOne();
      const id = `streaming-0-${randomUUID().replace(/-/g, '').slice(0, 26)}`;
      const expiresAt = clock.now() + lifetimeMs;
      const channel: SimChannel = { id, topics: new Set(), sockets: new Set(), lastUsed: clock.now(), timers: [] };
      channel.timers.push(
        clock.setTimer(expiresAt - SOCKET_CLOSING_WARNING_MS, () => {
          for (const socket of channel.sockets) send(socket, systemMessage(channel, 'The channel expires in a minute'));
        }),
        clock.setTimer(expiresAt, () => remove(channel)),
      );
      channels.set(id, channel);
      return { id, connectUri: `ws://127.0.0.1:${port}/channels/${id}`, expires: new Date(expiresAt).toISOString() } satisfies Models.Channel;
    },
    subscribe(channelId, topics, ignoreErrors) {
      const channel = channels.get(channelId);
      if (!channel) return { ok: false, reason: 'no-channel' };
      const forbidden = topics.filter((topic) => denied.has(topic));
      if (forbidden.length > 0 && !ignoreErrors) return { ok: false, reason: 'forbidden', topics: forbidden };
      channel.topics = new Set(topics.filter((topic) => !denied.has(topic)));
      channel.lastUsed = clock.now();
      return {
        ok: true,
        topics: topics.map((id) =>
          denied.has(id) ? { id, state: 'Rejected', rejectionReason: 'The client lacks a permission this topic needs' } : { id, state: 'Permitted' },
        ),
      };
    },
    denyTopic: (topic) => {
      denied.add(topic);
    },
    channelIds: () => [...channels.keys()],
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
    publishNow: (topics, eventBody) => deliver(topics, eventBody),
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
