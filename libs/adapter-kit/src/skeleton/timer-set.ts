import type { Clock } from '@icc/core';

/** Named timers on the adapter's clock: setting a name again replaces its timer; `clear()` cancels all. */
export interface TimerSet {
  set(name: string, at: number, callback: () => void): void;
  cancel(name: string): void;
  /** When the named timer fires, if it is set. */
  dueAt(name: string): number | undefined;
  clear(): void;
  size(): number;
}

export function createTimerSet(clock: Clock): TimerSet {
  const timers = new Map<string, { at: number; stop: () => void }>();
  const cancel = (name: string) => {
    timers.get(name)?.stop();
    timers.delete(name);
  };
  return {
    set(name, at, callback) {
      cancel(name);
      const timer = {
        at,
        stop: clock.setTimer(at, () => {
          if (timers.get(name) === timer) timers.delete(name);
          callback();
        }),
      };
      timers.set(name, timer);
    },
    cancel,
    dueAt: (name) => timers.get(name)?.at,
    clear() {
      for (const timer of timers.values()) timer.stop();
      timers.clear();
    },
    size: () => timers.size,
  };
}
