import type { Interaction } from '@icc/protocol';

/** Values read from a vendor per key, answered at once from the last read and refreshed in the background. */
export interface RefreshingValues<Value> {
  /**
   * The last value read for `key` (undefined before the first answer). When it is older than
   * `refreshAfterMs`, or was never read, `read` runs in the background (one read per key at a
   * time) and its answer shows on a later ask; a failed read keeps the old value until the next interval.
   */
  get(key: string, read: () => Promise<Value>, now: () => number): Value | undefined;
}

export function createRefreshingValues<Value>(refreshAfterMs: number, onError: (error: unknown, key: string) => void): RefreshingValues<Value> {
  const entries = new Map<string, { value?: Value; readAt: number; reading: boolean }>();
  return {
    get(key, read, now) {
      const entry = entries.get(key) ?? { readAt: Number.NEGATIVE_INFINITY, reading: false };
      entries.set(key, entry);
      if (!entry.reading && now() - entry.readAt >= refreshAfterMs) {
        entry.reading = true;
        void read()
          .then(
            (value) => {
              entry.value = value;
            },
            (error: unknown) => onError(error, key),
          )
          .finally(() => {
            entry.readAt = now();
            entry.reading = false;
          });
      }
      return entry.value;
    },
  };
}

/** A queued interaction's place among the queued ones of its queue, oldest request first (1-based); null when not queued. */
export function positionInQueue(interactions: readonly Interaction[], interaction: Interaction): number | null {
  if (interaction.state !== 'queued') return null;
  const queued = interactions
    .filter((candidate) => candidate.state === 'queued' && candidate.queueId === interaction.queueId)
    .sort((a, b) => Date.parse(a.requestedAt) - Date.parse(b.requestedAt) || a.id.localeCompare(b.id));
  return queued.findIndex((candidate) => candidate.id === interaction.id) + 1;
}
