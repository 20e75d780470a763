export type TimerHandle = ReturnType<typeof setTimeout>;

/** Timer functions the stream uses; injectable so tests can observe backoff delays. */
export interface StreamTimers {
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const GLOBAL_TIMERS: StreamTimers = {
  setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, delayMs),
  clearTimeout: (handle) => globalThis.clearTimeout(handle),
};
