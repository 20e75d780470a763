import { queryDatabase } from '@icc/store-postgres/testing';

const POLL_MS = 50;

/**
 * Watches the shared log from outside the gateways and notes when each seq first became visible
 * (epoch ms, to within one poll). The engine stamps a timer's event with its due instant, so this
 * is how a late scheduled start shows. Polls through PostgreSQL restarts (a failed poll is retried).
 */
export function startLogObserver(storeUrl: string) {
  const appendedAt = new Map<number, number>();
  let head = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const rows = await queryDatabase<{ seq: number }>(storeUrl, 'SELECT seq::int AS seq FROM events WHERE seq > $1 ORDER BY seq', [head]);
        const seenAt = Date.now();
        for (const { seq } of rows) {
          appendedAt.set(seq, seenAt);
          head = seq;
        }
      } catch {
        // The server is restarting: the next poll catches up.
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  })();
  return {
    appendedAt: appendedAt as ReadonlyMap<number, number>,
    async stop() {
      stopped = true;
      await loop;
    },
  };
}
