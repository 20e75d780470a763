import type { Interaction } from '@icc/protocol';

/** When an interaction joined its queue's line: its scheduled start, else the request. */
export const queuedSince = (interaction: Pick<Interaction, 'scheduledAt' | 'requestedAt'>): number => Date.parse(interaction.scheduledAt ?? interaction.requestedAt);

/**
 * 1-based rank of a queued interaction among the queued ones of its queue, first in line first
 * (for vendors that publish no position per callback); null when it is not queued.
 */
export function queueRank(open: readonly Interaction[], interaction: Interaction): number | null {
  if (interaction.state !== 'queued') return null;
  const line = open
    .filter((candidate) => candidate.state === 'queued' && candidate.queueId === interaction.queueId)
    .sort((a, b) => queuedSince(a) - queuedSince(b) || a.id.localeCompare(b.id));
  return line.findIndex((candidate) => candidate.id === interaction.id) + 1;
}
