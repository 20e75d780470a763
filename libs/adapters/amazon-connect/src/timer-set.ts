import type { Clock } from '@icc/core';

/** Named timers on the adapter's clock: setting a name again replaces its timer; `clear()` cancels all. */
export interface TimerSet {
  set(name: string, at: number, callback: () => void): void;
  cancel(name: string): void;
  clear(): void;
  size(): number;
}

export function createTimerSet(clock: Clock): TimerSet {
  const timers = new Map<string, () => void>();
  const cancel = (name: string) => {
    timers.get(name)?.();
    timers.delete(name);
  };
  return {
    set(name, at, callback) {
      cancel(name);
      const stop = clock.setTimer(at, () => {
        if (timers.get(name) === stop) timers.delete(name);
        callback();
      });
      timers.set(name, stop);
    },
    cancel,
    clear() {
      for (const stop of timers.values()) stop();
      timers.clear();
    },
    size: () => timers.size,
  };
}
