import type { QueueConfig } from '@icc/protocol';
import { isoAt } from './decided-event';

/** How long an offer waits for the agent: the queue's offer timeout, 30 s when the queue is unknown. */
export const offerTimeoutMs = (queue: Pick<QueueConfig, 'offerTimeoutSeconds'> | undefined): number => (queue?.offerTimeoutSeconds ?? 30) * 1000;

/** `expiresAt` of an offer made at `now`. */
export const offerExpiresAt = (queue: Pick<QueueConfig, 'offerTimeoutSeconds'> | undefined, now: number): string => isoAt(now + offerTimeoutMs(queue));

/**
 * `autoCloseAt` of a call ending at `now`: queues that dial automatically also close wrap-up by
 * themselves after their `autoCloseSeconds` (0 = never); other queues wait for the agent.
 */
export function autoCloseAfterCall(queue: Pick<QueueConfig, 'dialMethod' | 'autoCloseSeconds'> | undefined, now: number): { autoCloseAt?: string } {
  if (queue?.dialMethod.type !== 'auto' || queue.autoCloseSeconds <= 0) return {};
  return { autoCloseAt: isoAt(now + queue.autoCloseSeconds * 1000) };
}
