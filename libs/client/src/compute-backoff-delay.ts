export interface BackoffPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_BACKOFF_POLICY: BackoffPolicy = { initialDelayMs: 250, maxDelayMs: 10_000 };

/**
 * Delay before reconnection attempt `attempt` (0-based): exponential, capped, with "equal jitter"
 * (half fixed, half random) so a gateway restart is not met by every workspace at the same instant
 * while the delay still grows. `random` returns [0, 1).
 */
export function computeBackoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
