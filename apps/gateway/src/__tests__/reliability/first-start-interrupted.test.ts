import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asAsyncEventStore, silentLogger, type EventStore } from '@icc/core';
import { createSqliteEventStore } from '@icc/store-sqlite';
import { DEMO_AGENTS, DEMO_QUEUES, seedDemoConfiguration } from '../../composition/demo-configuration';
import { createQueueConfiguration } from '../../queues/queue-configuration';
import { startTestGateway } from '../test-gateway';

const SEED_WRITES = DEMO_QUEUES.length + DEMO_AGENTS.length;

/** A store whose process "dies" after `writes` configuration writes: later ones never happen. */
function dyingAfter(store: EventStore, writes: number): EventStore {
  let done = 0;
  const write =
    <Args extends unknown[], Result>(save: (...args: Args) => Promise<Result>) =>
    async (...args: Args): Promise<Result> => {
      if (done >= writes) throw new Error('the process died here');
      done += 1;
      return save(...args);
    };
  return { ...store, saveQueue: write(store.saveQueue.bind(store)), saveAgent: write(store.saveAgent.bind(store)) };
}

/** Seeding as the gateway does it, before any adapter has started. */
const seed = (syncStore: EventStore) => {
  const store = asAsyncEventStore(syncStore);
  return seedDemoConfiguration(store, createQueueConfiguration({ store, adapter: {}, now: () => Date.now(), logger: silentLogger, adapterStarted: () => false }));
};

/*
 * Each configuration write is its own SQLite transaction, so a first start killed while seeding
 * leaves exactly a prefix of the writes on disk. Every prefix is produced here on a real SQLite
 * file; the next start must complete the set-up (the child-process crash matrix kills at random
 * points of the same window, but cannot aim at each write).
 */
describe('a first start interrupted while seeding the demo set-up', () => {
  it.each(Array.from({ length: SEED_WRITES }, (_, writes) => writes))('after %i writes: the next start completes it', async (writes) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'icc-first-start-'));
    try {
      const interrupted = createSqliteEventStore({ dataDir });
      await expect(seed(dyingAfter(interrupted, writes))).rejects.toThrow('the process died here');
      await interrupted.close();

      const t = await startTestGateway({ store: createSqliteEventStore({ dataDir }) });
      try {
        const supervisor = await t.signIn('supervisor-sam');
        expect((await supervisor.listQueues()).map((queue) => queue.id).sort()).toEqual(DEMO_QUEUES.map((queue) => queue.id).sort());
        expect((await supervisor.listAgents()).map((agent) => agent.id).sort()).toEqual(DEMO_AGENTS.map((agent) => agent.id).sort());
      } finally {
        await t.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('leaves a store with queues of its own alone', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'icc-first-start-'));
    const store = createSqliteEventStore({ dataDir });
    try {
      await store.saveQueue({ ...(DEMO_QUEUES[0] as (typeof DEMO_QUEUES)[number]), id: 'operator-queue' });
      expect(await seed(store)).toBe(false);
      expect(store.listQueues().map((queue) => queue.id)).toEqual(['operator-queue']);
      expect(store.listAgents()).toEqual([]);
    } finally {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
