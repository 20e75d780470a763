import type { Clock } from '../ports/clock';
import type { DueTimer, TimerQueue } from './timer-queue';

export interface TimerRunnerOptions<T> {
  queue: TimerQueue<T>;
  clock: Clock;
  /** Called once per item that fell due, in due order. */
  onDue: (due: DueTimer<T>) => void;
  /** Receives what `onDue` throws; without it the first error is rethrown after all items ran. */
  onError?: (error: unknown, due: DueTimer<T>) => void;
}

/**
 * Drives a timer queue with a single clock timer armed for its earliest item. Change the queue
 * through `schedule`/`cancel` here, or call `notify()` after changing it directly.
 */
export interface TimerRunner<T> {
  schedule(key: string, dueAt: number, item: T): void;
  cancel(key: string): boolean;
  /** Re-arms the one timer if the earliest due time changed. */
  notify(): void;
  /** Cancels the timer; the runner stays idle until `start()`. */
  stop(): void;
  start(): void;
  /** The instant the timer is armed for, or undefined when none is armed. */
  armedAt(): number | undefined;
}

export function createTimerRunner<T>({ queue, clock, onDue, onError }: TimerRunnerOptions<T>): TimerRunner<T> {
  let running = true;
  let dispatching = false;
  let armed: { at: number; cancel: () => void } | undefined;

  const disarm = () => {
    armed?.cancel();
    armed = undefined;
  };

  const notify = () => {
    if (!running || dispatching) return;
    const earliest = queue.peekDueAt();
    if (earliest === armed?.at) return;
    disarm();
    if (earliest !== undefined) armed = { at: earliest, cancel: clock.setTimer(earliest, fire) };
  };

  function fire() {
    armed = undefined;
    if (!running) return;
    // Hold re-arming while handlers run: they often schedule follow-ups, and one re-arm will do.
    dispatching = true;
    let firstError: { error: unknown } | undefined;
    try {
      for (const due of queue.drainDue(clock.now())) {
        try {
          onDue(due);
        } catch (error) {
          if (onError) onError(error, due);
          else firstError ??= { error };
        }
      }
    } finally {
      dispatching = false;
      notify();
    }
    if (firstError) throw firstError.error;
  }

  notify();

  return {
    schedule(key, dueAt, item) {
      queue.schedule(key, dueAt, item);
      notify();
    },
    cancel(key) {
      const cancelled = queue.cancel(key);
      if (cancelled) notify();
      return cancelled;
    },
    notify,
    stop() {
      running = false;
      disarm();
    },
    start() {
      running = true;
      notify();
    },
    armedAt: () => armed?.at,
  };
}
