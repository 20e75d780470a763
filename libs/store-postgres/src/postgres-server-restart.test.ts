import { fixtureCreated } from '@icc/core/testing';
import type { IccEvent } from '@icc/protocol';
import { openPostgresEventStore } from './postgres-event-store';
import { startThrowawayPostgres, type ThrowawayPostgres } from './testing/throwaway-postgres';

let server: ThrowawayPostgres;
beforeAll(async () => {
  server = await startThrowawayPostgres();
});
afterAll(() => server?.stop());

const createdId = (event: IccEvent) => (event.type === 'interaction.created' ? event.interactionId : undefined);

describe('PostgreSQL store: the server stopped and restarted mid-load', () => {
  it('keeps every acknowledged append exactly once, seq gap-free', async () => {
    const store = await openPostgresEventStore({ url: server.url(), poolSize: 4, connectTimeoutMs: 1_000, transactionAttempts: 3 });
    const acknowledged: string[] = [];
    const refused: unknown[] = [];
    let next = 1;
    let loading = true;
    const writer = async () => {
      while (loading) {
        const n = next++;
        try {
          await store.append([fixtureCreated(n)]);
          acknowledged.push(`ix-${n}`);
        } catch (error) {
          refused.push(error);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    };
    try {
      const writers = [writer(), writer(), writer()];
      while (acknowledged.length < 30) await new Promise((resolve) => setTimeout(resolve, 10));
      await server.pause();
      const beforeRestart = acknowledged.length;
      await new Promise((resolve) => setTimeout(resolve, 300));
      await server.resume();
      while (acknowledged.length < beforeRestart + 30) await new Promise((resolve) => setTimeout(resolve, 10));
      loading = false;
      await Promise.all(writers);

      // The outage really hit the load: some appends were refused (never acknowledged), all as storage_unavailable.
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.every((error) => (error as { code?: string }).code === 'storage_unavailable')).toBe(true);
      const log = await store.readAfter(0, 10_000);
      expect(log.map((event) => event.seq)).toEqual(Array.from({ length: log.length }, (_, index) => index + 1));
      const ids = log.map(createdId);
      for (const id of acknowledged) expect({ id, times: ids.filter((logged) => logged === id).length }).toEqual({ id, times: 1 });
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      loading = false;
      await store.close();
    }
  }, 60_000);
});
