import type { Clock } from './clock';

interface PendingTimer {
  id: number;
  at: number;
  callback: () => void;
}

/** A clock that only moves when told to; fires due timers in time order. */
export interface FakeClock extends Clock {
  advance(milliseconds: number): void;
  advanceTo(at: number): void;
  pendingTimers(): number;
}

export function createFakeClock(start: number | string = '2026-01-05T09:00:00Z'): FakeClock {
  let current = typeof start === 'string' ? Date.parse(start) : start;
  let nextId = 1;
  let timers: PendingTimer[] = [];

  const advanceTo = (target: number) => {
    for (;;) {
      const due = timers.filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      timers = timers.filter((timer) => timer !== due);
      current = Math.max(current, due.at);
      due.callback();
    }
    current = Math.max(current, target);
  };

  return {
    now: () => current,
    setTimer(at, callback) {
      const timer = { id: nextId++, at, callback };
      timers.push(timer);
      return () => {
        timers = timers.filter((candidate) => candidate !== timer);
      };
    },
    advance: (milliseconds) => advanceTo(current + milliseconds),
    advanceTo,
    pendingTimers: () => timers.length,
  };
}
