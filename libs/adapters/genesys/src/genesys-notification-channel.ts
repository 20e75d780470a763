import { fullJitterDelay } from '@icc/adapter-kit';
import type { Clock, Logger } from '@icc/core';
import WebSocket from 'ws';
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
  random?: () => number;
  /** Every notification of a subscribed topic (heartbeats and socket metadata are handled here). */
  onNotification(notification: GenesysNotification): void;
  /** A replacement socket is open: whatever happened while the old one was down was not delivered. */
  onReopened?(): void;
}

export interface NotificationChannelStats {
  /** Messages received on the current socket (heartbeats included). */
  receivedOnSocket: number;
  received: number;
  malformed: number;
  reconnects: number;
  /** Channels replaced before they expired (the next one open before the old one closes). */
  renewals: number;
  /** Topics Genesys refused on the current channel (a permission the OAuth client lacks). */
  rejectedTopics: string[];
  connected: boolean;
}

export interface NotificationChannel {
  /** Creates the channel, subscribes the topics and opens the socket; resolves once it is open. */
  start(): Promise<void>;
  /** Closes the socket (resolving once it is closed) and cancels every timer. */
  stop(): Promise<void>;
  stats(): NotificationChannelStats;
}

const SYSTEM_TOPICS = new Set(['channel.metadata', 'v2.system.socket_closing']);
const RECONNECT_BASE_MS = 1000;
const RECONNECT_MAX_MS = 60_000;
/** A channel lives 24 h (its `expires`); the next one is opened this long before. */
const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000;

function connectUrl(connectUri: string, override: string | undefined): string {
  if (override === undefined) return connectUri;
  const original = new URL(connectUri);
  const replaced = new URL(override);
  return `${replaced.origin}${original.pathname}${original.search}`;
}

/**
 * The notification API as one long-lived channel: `POST /api/v2/notifications/channels`, `PUT
 * …/subscriptions` with the topics, then the `connectUri` WebSocket. A socket that closes, or
 * stays silent past the heartbeat timeout (Genesys sends "WebSocket Heartbeat" every 30 s), is
 * replaced after a jittered backoff by a new channel with the topics subscribed again: a channel's
 * subscriptions do not survive it, and a channel closed for maintenance is gone. Before a channel
 * expires, and when Genesys warns with `v2.system.socket_closing`, the next channel is opened and
 * subscribed first and only then the old socket closed, so nothing falls in between.
 */
export function createNotificationChannel(options: NotificationChannelOptions): NotificationChannel {
  const { clock, logger } = options;
  const random = options.random ?? Math.random;
  const stats: NotificationChannelStats = { receivedOnSocket: 0, received: 0, malformed: 0, reconnects: 0, renewals: 0, rejectedTopics: [], connected: false };
  let socket: WebSocket | undefined;
  let stopped = false;
  let failures = 0;
  let renewing: Promise<void> | undefined;
  let cancelWatchdog: (() => void) | undefined;
  let cancelReconnect: (() => void) | undefined;
  let cancelRenewal: (() => void) | undefined;

  const armWatchdog = (current: WebSocket) => {
    cancelWatchdog?.();
    cancelWatchdog = clock.setTimer(clock.now() + options.heartbeatTimeoutMs, () => {
      cancelWatchdog = undefined;
      if (socket !== current) return;
      logger.warn({ timeoutMs: options.heartbeatTimeoutMs }, 'genesys: no heartbeat on the notification socket; replacing it');
      current.terminate();
    });
  };

  const handleMessage = (current: WebSocket, data: WebSocket.RawData) => {
    if (socket !== current) return;
    stats.received += 1;
    stats.receivedOnSocket += 1;
    armWatchdog(current);
    let parsed: GenesysNotification;
    try {
      parsed = GenesysNotification.parse(JSON.parse(data.toString()));
    } catch (error) {
      stats.malformed += 1;
      logger.warn({ err: error }, 'genesys: a notification did not parse; skipped');
      return;
    }
    if (parsed.topicName === 'v2.system.socket_closing') {
      logger.info({}, 'genesys: the notification socket is about to close; moving to a new channel');
      void renew();
      return;
    }
    if (SYSTEM_TOPICS.has(parsed.topicName)) return;
    options.onNotification(parsed);
  };

  const open = async (): Promise<void> => {
    const channel = await options.client.createChannel();
    const subscribed = await options.client.subscribe(channel.id, options.topics);
    if (stopped) return;
    const rejected = subscribed.entities.filter((topic) => topic.state === 'Rejected');
    stats.rejectedTopics = rejected.map((topic) => topic.id);
    if (rejected.length > 0) {
      logger.warn({ topics: rejected }, 'genesys: topics refused (the OAuth client lacks a permission); their notifications will not arrive');
    }
    const current = new WebSocket(connectUrl(channel.connectUri, options.notificationsUrl));
    await new Promise<void>((resolve, reject) => {
      current.once('open', () => resolve());
      current.once('error', reject);
    });
    if (stopped) {
      current.terminate();
      return;
    }
    const previous = socket;
    socket = current;
    stats.receivedOnSocket = 0;
    // The old socket's frames are ignored from here on, and its close is not a failure.
    previous?.close();
    armRenewal(channel.expires);
    current.on('error', (error) => logger.warn({ err: error }, 'genesys: notification socket error'));
    stats.connected = true;
    failures = 0;
    armWatchdog(current);
    current.on('message', (data) => handleMessage(current, data));
    current.once('close', () => {
      if (socket !== current) return;
      socket = undefined;
      stats.connected = false;
      cancelWatchdog?.();
      if (!stopped) scheduleReconnect();
    });
  };

  const armRenewal = (expires: string | undefined) => {
    cancelRenewal?.();
    cancelRenewal = undefined;
    const expiresAt = expires === undefined ? Number.NaN : Date.parse(expires);
    if (Number.isNaN(expiresAt)) return;
    cancelRenewal = clock.setTimer(Math.max(clock.now(), expiresAt - RENEW_BEFORE_EXPIRY_MS), () => {
      cancelRenewal = undefined;
      void renew();
    });
  };

  /** Opens the next channel while the current one still delivers; on failure, falls back to reconnecting. */
  const renew = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    renewing ??= open()
      .then(() => {
        stats.renewals += 1;
      })
      .catch((error: unknown) => {
        logger.warn({ err: error }, 'genesys: could not open the next notification channel; reconnecting');
        socket?.close();
      })
      .finally(() => {
        renewing = undefined;
      });
    return renewing;
  };

  const scheduleReconnect = () => {
    failures += 1;
    const delay = fullJitterDelay(failures, { baseDelayMs: RECONNECT_BASE_MS, maxDelayMs: RECONNECT_MAX_MS, random });
    cancelReconnect = clock.setTimer(clock.now() + delay, () => {
      cancelReconnect = undefined;
      if (stopped) return;
      stats.reconnects += 1;
      open().then(
        () => {
          if (!stopped) options.onReopened?.();
        },
        (error: unknown) => {
          logger.warn({ err: error, failures }, 'genesys: could not reopen the notification channel; trying again');
          socket?.terminate();
          socket = undefined;
          if (!stopped) scheduleReconnect();
        },
      );
    });
  };

  return {
    start: () => open(),
    async stop() {
      stopped = true;
      cancelWatchdog?.();
      cancelReconnect?.();
      cancelRenewal?.();
      const current = socket;
      socket = undefined;
      stats.connected = false;
      if (!current || current.readyState === WebSocket.CLOSED) return;
      current.removeAllListeners('message');
      current.on('error', () => undefined);
      const closed = new Promise<void>((resolve) => current.once('close', () => resolve()));
      current.terminate();
      await closed;
    },
    stats: () => ({ ...stats, rejectedTopics: [...stats.rejectedTopics] }),
  };
}
