import type { Clock } from '@icc/core';

/** A view of a clock that counts the timers set through it and not yet fired or cancelled. */
export interface TimerTrackingClock extends Clock {
  liveTimers(): number;
}

/**
 * The adapter gets this view of `world.clock`, so "stop() leaves no timers" is about the
 * adapter's own timers, not about calls the simulator still has ringing on the same clock.
 */
export function createTimerTrackingClock(clock: Clock): TimerTrackingClock {
  const live = new Set<object>();
  return {
    now: () => clock.now(),
    setTimer(at, callback) {
      const token = {};
      live.add(token);
      const cancel = clock.setTimer(at, () => {
        live.delete(token);
        callback();
      });
      return () => {
        live.delete(token);
        cancel();
      };
    },
    liveTimers: () => live.size,
  };
}
