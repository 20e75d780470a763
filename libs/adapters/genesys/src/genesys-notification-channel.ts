import { createRenewableSocket, type RenewableSocketStats } from '@icc/adapter-kit';
import type { Clock, Logger } from '@icc/core';
import type { GenesysClient } from './genesys-client';
import { GenesysNotification } from './genesys-schemas';

export interface NotificationChannelOptions {
  client: Pick<GenesysClient, 'createChannel' | 'subscribe'>;
  topics: readonly string[];
  clock: Clock;
  logger: Logger;
  heartbeatTimeoutMs: number;
  /** Replaces the origin of `connectUri`. */
  notificationsUrl?: string | undefined;
  random?: (() => number) | undefined;
  onNotification(notification: GenesysNotification): void;
  onReopened(): void;
}

export interface NotificationChannelStats extends RenewableSocketStats {
  malformed: number;
  /** Topics Genesys refused on the current channel (a permission the OAuth client lacks). */
  rejectedTopics: string[];
}

export type NotificationChannel = ReturnType<typeof createNotificationChannel>;

const SYSTEM_TOPICS = new Set(['channel.metadata', 'v2.system.socket_closing']);

function connectUrl(connectUri: string, override: string | undefined): string {
  if (override === undefined) return connectUri;
  const original = new URL(connectUri);
  return `${new URL(override).origin}${original.pathname}${original.search}`;
}

/**
 * The notification API: `POST /api/v2/notifications/channels`, `PUT …/subscriptions`, then the
 * `connectUri` WebSocket (heartbeat every 30 s). A channel's subscriptions do not survive it, so
 * every replacement subscribes again; a channel lives 24 h and `v2.system.socket_closing` warns of
 * maintenance, both answered by moving to a new channel first.
 */
export function createNotificationChannel(options: NotificationChannelOptions) {
  const { logger } = options;
  let malformed = 0;
  let rejectedTopics: string[] = [];
  const socket = createRenewableSocket({
    name: 'genesys notifications',
    clock: options.clock,
    logger,
    heartbeatTimeoutMs: options.heartbeatTimeoutMs,
    renewBeforeExpiryMs: 5 * 60_000,
    random: options.random,
    onReopened: options.onReopened,
    async openChannel() {
      const channel = await options.client.createChannel();
      const subscribed = await options.client.subscribe(channel.id, options.topics);
      const rejected = (subscribed.entities ?? []).filter((topic) => topic.state === 'Rejected');
      rejectedTopics = rejected.flatMap((topic) => topic.id ?? []);
      if (rejected.length > 0) logger.warn({ topics: rejected }, 'genesys: topics refused (the OAuth client lacks a permission); their notifications will not arrive');
      return { url: connectUrl(channel.connectUri, options.notificationsUrl), expiresAt: channel.expires === undefined ? undefined : Date.parse(channel.expires) };
    },
    onMessage(text) {
      let parsed: GenesysNotification;
      try {
        parsed = GenesysNotification.parse(JSON.parse(text));
      } catch (error) {
        malformed += 1;
        logger.warn({ err: error }, 'genesys: a notification did not parse; skipped');
        return;
      }
      if (parsed.topicName === 'v2.system.socket_closing') void socket.renew();
      if (!SYSTEM_TOPICS.has(parsed.topicName)) options.onNotification(parsed);
    },
  });
  return { start: socket.start, stop: socket.stop, stats: (): NotificationChannelStats => ({ ...socket.stats(), malformed, rejectedTopics: [...rejectedTopics] }) };
}
