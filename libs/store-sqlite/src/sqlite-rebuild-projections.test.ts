import fc from 'fast-check';
import { createInMemoryEventStore, type EventStore } from '@icc/core';
import { arbitraryEventHistory, HISTORY_AGENT_IDS, HISTORY_QUEUE_IDS } from '@icc/core/testing';
import { exampleQueueConfig, type NewIccEvent } from '@icc/protocol';
import { createSqliteEventStore } from './sqlite-event-store';
import { readProjectionTables } from './read-projection-tables';
import { createTemporaryDataDirs } from './temporary-data-dirs';

const dataDirs = createTemporaryDataDirs();
afterEach(() => dataDirs.removeAll());

const NOW = Date.parse('2026-03-10T09:00:00Z');

async function configure(store: EventStore) {
  for (const id of HISTORY_QUEUE_IDS) await store.saveQueue(exampleQueueConfig({ id }));
  for (const id of HISTORY_AGENT_IDS) await store.saveAgent({ id, displayName: id, role: 'agent', queueIds: [HISTORY_QUEUE_IDS[0]] });
}

/** Appends the history in batches of the given sizes, all batches at once (one group commit or several). */
async function appendInBatches(store: EventStore, history: NewIccEvent[], sizes: number[]) {
  const batches: NewIccEvent[][] = [];
  let start = 0;
  for (let index = 0; start < history.length; index += 1) {
    const size = sizes[index % Math.max(1, sizes.length)] ?? 1;
    batches.push(history.slice(start, start + size));
    start += size;
  }
  await Promise.all(batches.map((batch) => store.append(batch)));
}

describe('rebuildProjections', () => {
  it('recomputes read models equal to the incremental ones and to the in-memory reference', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryEventHistory(120), fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 8 }), async (history, sizes) => {
        const sqlite = createSqliteEventStore({ dataDir: dataDirs.create(), cacheSize: 16 });
        const reference = createInMemoryEventStore();
        try {
          await configure(sqlite);
          await configure(reference);
          await appendInBatches(sqlite, history, sizes);
          await reference.append(history);

          const incremental = readProjectionTables(sqlite.database);
          sqlite.rebuildProjections();
          expect(readProjectionTables(sqlite.database)).toEqual(incremental);

          const ids = [...new Set(history.flatMap((event) => (event.type === 'agent.presence-changed' ? [] : [event.interactionId])))];
          expect(ids.map((id) => sqlite.getInteraction(id))).toEqual(ids.map((id) => reference.getInteraction(id)));
          expect(sqlite.listCallbacks({ limit: 200 })).toEqual(reference.listCallbacks({ limit: 200 }));
          expect(sqlite.openInteractions()).toEqual(reference.openInteractions());
          expect(sqlite.listAgents()).toEqual(reference.listAgents());
          expect(sqlite.queueStats(NOW)).toEqual(reference.queueStats(NOW));
          expect(sqlite.readAfter(0, 1000)).toEqual(reference.readAfter(0, 1000));
        } finally {
          await sqlite.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 60_000);

  it('clears read models that no event supports', async () => {
    const sqlite = createSqliteEventStore({ dataDir: dataDirs.create() });
    await configure(sqlite);
    sqlite.database.prepare("INSERT INTO interactions (id, state, queue_id, callback_id, seq, requested_at, body) VALUES ('ghost', 'queued', 'q', 'c', 0, 0, '{}')").run();
    sqlite.rebuildProjections();
    expect(sqlite.getInteraction('ghost')).toBeUndefined();
    expect(sqlite.listAgents().map((agent) => agent.presence)).toEqual(['offline', 'offline', 'offline']);
    await sqlite.close();
  });
});
