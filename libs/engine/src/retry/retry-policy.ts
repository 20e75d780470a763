import type { RetryPolicy } from '@icc/protocol';

/** What happens after an unanswered attempt: try again at `at`, or stop and say why. */
export type RetryDecision = { kind: 'retry'; at: number } | { kind: 'exhausted' } | { kind: 'expired' };

/**
 * When to try a customer again. `expireAt` is the first instant at which the callback may no
 * longer be attempted, so a retry falling on or after it is `expired`. Running out of attempts
 * wins over expiry: it is the more precise reason.
 */
export function nextRetry(policy: RetryPolicy, attemptsMade: number, lastAttemptEndedAt: number, expireAt?: number): RetryDecision {
  if (attemptsMade >= policy.maxAttempts) return { kind: 'exhausted' };
  const at = lastAttemptEndedAt + policy.minIntervalSeconds * 1000;
  if (expireAt !== undefined && at >= expireAt) return { kind: 'expired' };
  return { kind: 'retry', at };
}
