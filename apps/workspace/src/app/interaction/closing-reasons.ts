import type { Interaction, QueueConfig } from '@icc/protocol';

/** Offered when the queue's configuration names no `closingReasons`. */
export const DEFAULT_CLOSING_REASONS: readonly string[] = [
  'Resolved another way',
  'Customer not reached',
  'Customer asked to cancel',
  'Duplicate request',
  'Wrong number',
];

/**
 * The closing reasons of the queue version the interaction started with (it carries them), so a
 * supervisor's later change does not alter a callback under way. Interactions recorded before
 * versions were kept fall back to the queue's current reasons.
 */
export function closingReasonsOf(queues: readonly QueueConfig[], interaction: Pick<Interaction, 'queueId' | 'queueConfigVersion' | 'closingReasons'>): readonly string[] {
  const configured =
    interaction.queueConfigVersion !== undefined ? interaction.closingReasons : queues.find((queue) => queue.id === interaction.queueId)?.closingReasons;
  return configured !== undefined && configured.length > 0 ? configured : DEFAULT_CLOSING_REASONS;
}
