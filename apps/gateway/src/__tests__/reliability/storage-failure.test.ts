import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteEventStore, type SqliteEventStore } from '@icc/store-sqlite';
import type { EventFrame } from '@icc/protocol';
import type { IccRestClient } from '@icc/client';
import { startTestGateway, type TestGateway } from '../test-gateway';
import { openStream, type StreamClient } from '../stream-client';
import { acceptAndCloseEverything, callbackBody, postCallback, UNLIMITED_INTAKE } from './reliability-fixtures';

/*
 * Tests run as root, where chmod does not stop writes, and no small filesystem can be mounted.
 * The two conditions are produced inside SQLite on the gateway's own connection, so the real
 * store code fails with the real error codes:
 * - disk full: `PRAGMA max_page_count` = the current page count; growing the file fails with
 *   SQLITE_FULL, exactly what a full disk gives (SQLite also rolls the transaction back itself);
 * - read-only: `PRAGMA query_only = ON`; every write fails with SQLITE_READONLY.
 */
interface Outage {
  name: string;
  begin(store: SqliteEventStore): void;
  end(store: SqliteEventStore): void;
}

const OUTAGES: Outage[] = [
  {
    name: 'disk full (max_page_count)',
    begin: (store) => store.database.pragma(`max_page_count = ${store.database.pragma('page_count', { simple: true }) as number}`),
    end: (store) => store.database.pragma('max_page_count = 1073741823'),
  },
  {
    name: 'read-only data dir (query_only)',
    begin: (store) => store.database.pragma('query_only = ON'),
    end: (store) => store.database.pragma('query_only = OFF'),
  },
];

jest.setTimeout(60_000);

describe.each(OUTAGES)('storage outage: $name', (outage) => {
  let storeDir: string;
  let store: SqliteEventStore;
  let t: TestGateway;
  let stream: StreamClient | undefined;
  beforeEach(async () => {
    storeDir = mkdtempSync(join(tmpdir(), 'icc-reliability-storage-'));
    store = createSqliteEventStore({ dataDir: storeDir });
    t = await startTestGateway({ store, intakeRateLimit: UNLIMITED_INTAKE });
  });
  afterEach(async () => {
    await stream?.close();
    stream = undefined;
    if (store.database.open) outage.end(store);
    await t.close();
    rmSync(storeDir, { recursive: true, force: true });
  });

  it('answers 503 storage_unavailable, loses nothing acknowledged, writes nothing half, and recovers when writes work again', async () => {
    const supervisor = await t.signIn('supervisor-sam');
    const agents: IccRestClient[] = [await t.signIn('agent-ada'), await t.signIn('agent-grace')];
    await agents[0]?.setPresence('agent-ada', 'available');
    await agents[1]?.setPresence('agent-grace', 'available');
    stream = await openStream(t.url);
    stream.hello(supervisor.token);
    const snapshot = await stream.waitFor((frame) => frame.type === 'snapshot');

    const acknowledged = new Map<string, string>();
    const refusedKeys: string[] = [];
    const intake = async (key: string, index: number) => {
      const headBefore = store.headSeq();
      const answer = await postCallback(t.url, key, callbackBody(index));
      if (answer.status === 201 || answer.status === 200) acknowledged.set(key, answer.callbackId as string);
      else {
        expect(answer).toEqual({ status: 503, code: 'storage_unavailable' });
        // Nothing of a refused request is kept.
        expect(store.headSeq()).toBe(headBefore);
        expect(store.findCallbackByIdempotencyKey(key)).toBeUndefined();
        refusedKeys.push(key);
      }
    };
    for (let index = 0; index < 4; index++) await intake(`before-${index}`, index);
    expect(acknowledged.size).toBe(4);

    outage.begin(store);
    for (let index = 0; index < 30; index++) await intake(`during-${index}`, 100 + index);
    expect(refusedKeys.length).toBeGreaterThan(20);
    // An agent command hits the same wall (a full disk may still fit a small write: then it is durable).
    const offered = (await agents[0]?.listInteractions({ state: 'offered' })) ?? [];
    expect(offered.length).toBeGreaterThan(0);
    for (const interaction of offered) {
      const outcome = await agents[0]?.sendCommand(interaction.id, { type: 'accept' }).then(
        (view) => view.state,
        (error: { status: number; code: string }) => `${error.status} ${error.code}`,
      );
      expect(['previewing', '503 storage_unavailable']).toContain(outcome);
      expect(store.getInteraction(interaction.id)?.state).toBe(outcome === 'previewing' ? 'previewing' : 'offered');
    }
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    expect((await supervisor.listCallbacks({ limit: 200 })).items).toHaveLength(acknowledged.size);

    outage.end(store);
    // Clients retry what was refused: each key now makes exactly one callback.
    for (const key of refusedKeys) await intake(key, 200 + Number(key.split('-')[1]));
    for (let index = 0; index < 3; index++) await intake(`after-${index}`, 300 + index);
    expect(acknowledged.size).toBe(4 + 30 + 3);

    // No callback that was refused lives on in the vendor: agents can work off exactly the acknowledged ones.
    const refusedCommands = await acceptAndCloseEverything(agents, supervisor);
    expect(refusedCommands).toBe(0);
    const log = store.readAfter(0, 100_000);
    const created = log.filter((event) => event.type === 'interaction.created').map((event) => event.callbackId);
    expect(created.sort()).toEqual([...acknowledged.values()].sort());
    const closed = log.filter((event) => event.type === 'interaction.closed');
    expect(closed).toHaveLength(acknowledged.size);

    // The stream saw every stored event once, and nothing that was not stored.
    await stream.waitFor((frame) => frame.type === 'event' && frame.event.seq === store.headSeq());
    const streamed = stream.frames.filter((frame): frame is EventFrame => frame.type === 'event').map((frame) => frame.event.seq);
    expect(streamed).toEqual(log.map((event) => event.seq).filter((seq) => seq > (snapshot as { seq: number }).seq));

    // And it is all on disk: a fresh store over the same file has every acknowledged callback once.
    await stream.close();
    stream = undefined;
    await t.close();
    const reopened = createSqliteEventStore({ dataDir: storeDir });
    try {
      for (const [key, callbackId] of acknowledged) expect(reopened.findCallbackByIdempotencyKey(key)?.callback.id).toBe(callbackId);
      expect(reopened.listCallbacks({ limit: 200 }).items).toHaveLength(acknowledged.size);
      const projected = reopened.database.prepare('SELECT id, body FROM interactions ORDER BY id').all();
      reopened.rebuildProjections();
      expect(reopened.database.prepare('SELECT id, body FROM interactions ORDER BY id').all()).toEqual(projected);
    } finally {
      await reopened.close();
    }
  });
});
