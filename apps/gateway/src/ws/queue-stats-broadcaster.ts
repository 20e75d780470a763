import type { AsyncEventStore, Clock, Logger } from '@icc/core';
import type { ServerFrame } from '@icc/protocol';

/** Sends supervisors `queue.stats` after events, at most once per interval (trailing edge). */
export interface QueueStatsBroadcaster {
  eventsFlowed(): void;
  stop(): void;
}

export function createQueueStatsBroadcaster(options: {
  store: AsyncEventStore;
  clock: Clock;
  logger: Logger;
  timerClock: Clock;
  intervalMs: number;
  broadcast(frame: ServerFrame): void;
}): QueueStatsBroadcaster {
  let lastSentAt = Number.NEGATIVE_INFINITY;
  let cancelPending: (() => void) | undefined;

  const sendNow = () => {
    cancelPending = undefined;
    lastSentAt = options.timerClock.now();
    options.store.queueStats(options.clock.now()).then(
      (stats) => options.broadcast({ type: 'queue.stats', stats }),
      (error: unknown) => options.logger.warn({ err: error }, 'queue stats for supervisors could not be read'),
    );
  };

  return {
    eventsFlowed() {
      if (cancelPending) return;
      const at = Math.max(options.timerClock.now(), lastSentAt + options.intervalMs);
      cancelPending = options.timerClock.setTimer(at, sendNow);
    },
    stop() {
      cancelPending?.();
      cancelPending = undefined;
    },
  };
}
