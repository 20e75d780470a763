import type { QueueConfig } from '@icc/protocol';

/** Offered when the queue's configuration names no `closingReasons`. */
export const DEFAULT_CLOSING_REASONS: readonly string[] = [
  'Resolved another way',
  'Customer not reached',
  'Customer asked to cancel',
  'Duplicate request',
  'Wrong number',
];

export function closingReasonsOf(queues: readonly QueueConfig[], queueId: string): readonly string[] {
  const configured = queues.find((queue) => queue.id === queueId)?.closingReasons;
  return configured !== undefined && configured.length > 0 ? configured : DEFAULT_CLOSING_REASONS;
}
