export interface RetrySettings {
  /** Attempts before a delivery is dead-lettered. */
  maxAttempts: number;
  /** Delay before the second attempt; doubled for each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_SETTINGS: RetrySettings = { maxAttempts: 8, baseDelayMs: 1_000, maxDelayMs: 10 * 60_000 };

/**
 * Exponential backoff with "equal jitter": half the capped delay, plus up to the other half at random,
 * so subscribers recovering from an outage are not hit by every gateway at the same instant.
 */
export function retryDelayMs(failedAttempts: number, settings: RetrySettings, random: () => number = Math.random): number {
  const capped = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(capped / 2 + random() * (capped / 2));
}
