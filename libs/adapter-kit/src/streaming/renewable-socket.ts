import type { Clock, Logger } from '@icc/core';
import WebSocket from 'ws';
import { fullJitterDelay } from '../http/full-jitter-backoff';

export interface RenewableSocketOptions {
  /** Names the socket in logs: `genesys notifications`. */
  name: string;
  /** Prepares a new vendor channel (create it, subscribe) and says where its socket is and when the channel expires. */
  openChannel(): Promise<{ url: string; expiresAt?: number | undefined }>;
  /** Each frame of the current socket, as text. */
  onMessage(text: string): void;
  /** A replacement socket is open after a failure: whatever happened while the old one was down was not delivered. */
  onReopened?(): void;
  clock: Clock;
  logger: Logger;
  /** A socket silent this long (no frame, heartbeats included) is replaced. */
  heartbeatTimeoutMs: number;
  /** The next channel is opened this long before the current one expires. */
  renewBeforeExpiryMs: number;
  reconnectBaseDelayMs?: number;
  reconnectMaxDelayMs?: number;
  random?: (() => number) | undefined;
}

export interface RenewableSocketStats {
  /** Frames received on the current socket. */
  receivedOnSocket: number;
  received: number;
  reconnects: number;
  /** Channels replaced before they failed (expiry, a vendor's warning). */
  renewals: number;
  connected: boolean;
}

export interface RenewableSocket {
  /** Opens the first channel; resolves once its socket is open. */
  start(): Promise<void>;
  /** Opens the next channel while the current one still delivers, then closes the old socket; on failure, reconnects. */
  renew(): Promise<void>;
  /** Closes the socket (resolving once it is closed) and cancels every timer. */
  stop(): Promise<void>;
  stats(): RenewableSocketStats;
}

/**
 * One long-lived vendor event socket. A socket that closes or stays silent past the heartbeat
 * timeout is replaced after a full-jitter backoff by a new channel; before a channel expires (or
 * when `renew` is called) the next one is opened first and only then the old socket closed, so
 * nothing falls in between.
 */
export function createRenewableSocket(options: RenewableSocketOptions): RenewableSocket {
  const { clock, logger, name } = options;
  const stats: RenewableSocketStats = { receivedOnSocket: 0, received: 0, reconnects: 0, renewals: 0, connected: false };
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
      logger.warn({ timeoutMs: options.heartbeatTimeoutMs }, `${name}: no heartbeat on the socket; replacing it`);
      current.terminate();
    });
  };

  const open = async (): Promise<void> => {
    const channel = await options.openChannel();
    if (stopped) return;
    const current = new WebSocket(channel.url);
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
    armRenewal(channel.expiresAt);
    current.on('error', (error) => logger.warn({ err: error }, `${name}: socket error`));
    stats.connected = true;
    failures = 0;
    armWatchdog(current);
    current.on('message', (data) => {
      if (socket !== current) return;
      stats.received += 1;
      stats.receivedOnSocket += 1;
      armWatchdog(current);
      options.onMessage(data.toString());
    });
    current.once('close', () => {
      if (socket !== current) return;
      socket = undefined;
      stats.connected = false;
      cancelWatchdog?.();
      if (!stopped) scheduleReconnect();
    });
  };

  const armRenewal = (expiresAt: number | undefined) => {
    cancelRenewal?.();
    cancelRenewal = undefined;
    if (expiresAt === undefined || Number.isNaN(expiresAt)) return;
    cancelRenewal = clock.setTimer(Math.max(clock.now(), expiresAt - options.renewBeforeExpiryMs), () => {
      cancelRenewal = undefined;
      void renew();
    });
  };

  const renew = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    renewing ??= open()
      .then(() => {
        stats.renewals += 1;
      })
      .catch((error: unknown) => {
        logger.warn({ err: error }, `${name}: could not open the next channel; reconnecting`);
        socket?.close();
      })
      .finally(() => {
        renewing = undefined;
      });
    return renewing;
  };

  const scheduleReconnect = () => {
    failures += 1;
    const delay = fullJitterDelay(failures, {
      baseDelayMs: options.reconnectBaseDelayMs ?? 1000,
      maxDelayMs: options.reconnectMaxDelayMs ?? 60_000,
      random: options.random ?? Math.random,
    });
    cancelReconnect = clock.setTimer(clock.now() + delay, () => {
      cancelReconnect = undefined;
      if (stopped) return;
      stats.reconnects += 1;
      open().then(
        () => {
          if (!stopped) options.onReopened?.();
        },
        (error: unknown) => {
          logger.warn({ err: error, failures }, `${name}: could not reopen the channel; trying again`);
          socket?.terminate();
          socket = undefined;
          if (!stopped) scheduleReconnect();
        },
      );
    });
  };

  return {
    start: () => open(),
    renew,
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
    stats: () => ({ ...stats }),
  };
}
