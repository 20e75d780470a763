export interface BackoffPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  /** In [0, 1); injected so tests are deterministic. */
  random: () => number;
}

/**
 * Wait before retry number `attempt` (1 = the first retry): uniformly random between 0 and
 * min(maxDelayMs, baseDelayMs · 2^(attempt-1)). Full jitter spreads out clients that failed
 * together, so they do not all come back at the same instant (AWS Architecture Blog, 2015).
 */
export function fullJitterDelay(attempt: number, policy: BackoffPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(policy.random() * ceiling);
}
