import type { Clock, EventStore } from '@icc/core';
import type { ServerFrame } from '@icc/protocol';

/** Sends supervisors `queue.stats` after events, at most once per interval (trailing edge). */
export interface QueueStatsBroadcaster {
  eventsFlowed(): void;
  stop(): void;
}

export function createQueueStatsBroadcaster(options: {
  store: EventStore;
  clock: Clock;
  timerClock: Clock;
  intervalMs: number;
  broadcast(frame: ServerFrame): void;
}): QueueStatsBroadcaster {
  let lastSentAt = Number.NEGATIVE_INFINITY;
  let cancelPending: (() => void) | undefined;

  const sendNow = () => {
    cancelPending = undefined;
    lastSentAt = options.timerClock.now();
    options.broadcast({ type: 'queue.stats', stats: options.store.queueStats(options.clock.now()) });
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
