/** Time source and timer for everything that waits. Tests inject a fake clock instead of sleeping. */
export interface Clock {
  now(): number;
  /** Calls `callback` once at (or soon after) epoch-milliseconds `at`; returns a cancel function. */
  setTimer(at: number, callback: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(at, callback) {
    // setTimeout caps at ~24.8 days; longer waits re-arm when the first timer fires.
    const MAX_DELAY = 2 ** 31 - 1;
    let handle: ReturnType<typeof setTimeout>;
    const arm = () => {
      const delay = at - Date.now();
      if (delay > MAX_DELAY) handle = setTimeout(arm, MAX_DELAY);
      else handle = setTimeout(callback, Math.max(0, delay));
    };
    arm();
    return () => clearTimeout(handle);
  },
};
