import pg from 'pg';
import { LeaseLostError, type Lease } from '@icc/core';
import { describeLeaseStoreContract, fixtureCreated } from '@icc/core/testing';
import { openPostgresEventStore, type PostgresEventStore } from './postgres-event-store';
import { assertLeaseHeld } from './postgres-leases';
import { blockedBackend, useTestDatabases } from './testing/test-databases';

const databases = useTestDatabases();
const TTL_MS = 400;
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function take(store: PostgresEventStore, holder: string, ttlMs: number): Promise<Lease> {
  const lease = await store.leases.acquire('queue:af', holder, ttlMs);
  if (!lease) throw new Error(`${holder} could not take queue:af`);
  return lease;
}

describeLeaseStoreContract(
  'postgres',
  async () => {
    const store = await openPostgresEventStore({ url: await databases.create(), poolSize: 4 });
    return { leases: store.leases, elapse: wait, close: () => store.close() };
  },
  TTL_MS,
);

describe('PostgreSQL store: writes fenced by a lease', () => {
  let url: string;
  let gatewayA: PostgresEventStore;
  let gatewayB: PostgresEventStore;
  beforeEach(async () => {
    url = await databases.create();
    gatewayA = await openPostgresEventStore({ url, poolSize: 2 });
    gatewayB = await openPostgresEventStore({ url, poolSize: 2 });
  });
  afterEach(async () => {
    await Promise.all([gatewayA.close(), gatewayB.close()]);
  });

  it('appends under a live lease', async () => {
    const [event] = await gatewayA.appendFenced([fixtureCreated(1)], await take(gatewayA, 'gw-a', 5_000));
    expect(event?.seq).toBe(1);
  });

  it("fences with the holder's name as written, quotes included (the check is sent with BEGIN, values inlined)", async () => {
    const lease = await take(gatewayA, "gw-'a'; --", 5_000);
    expect((await gatewayA.appendFenced([fixtureCreated(1)], lease)).map((event) => event.seq)).toEqual([1]);
    await expect(gatewayA.appendFenced([fixtureCreated(2)], { ...lease, holder: 'gw-' })).rejects.toBeInstanceOf(LeaseLostError);
    expect(await gatewayA.headSeq()).toBe(1);
  });

  it('refuses, writing nothing, the append of a holder whose lease another gateway took over', async () => {
    const stale = await take(gatewayA, 'gw-a', TTL_MS);
    await wait(TTL_MS * 1.5);
    const taken = await take(gatewayB, 'gw-b', 5_000);
    await expect(gatewayA.appendFenced([fixtureCreated(1)], stale)).rejects.toBeInstanceOf(LeaseLostError);
    expect(await gatewayB.headSeq()).toBe(0);
    expect((await gatewayB.appendFenced([fixtureCreated(2)], taken)).map((event) => event.seq)).toEqual([1]);
    // The refusal does not wedge the refused store's own later appends.
    expect((await gatewayA.append([fixtureCreated(3)])).map((event) => event.seq)).toEqual([2]);
  });

  it('refuses an append under a lapsed lease even when nobody took it', async () => {
    const lapsed = await take(gatewayA, 'gw-a', TTL_MS);
    await wait(TTL_MS * 1.5);
    await expect(gatewayA.appendFenced([fixtureCreated(1)], lapsed)).rejects.toThrow(/Lease "queue:af" \(token 1\) is no longer held by gw-a/);
  });

  it('makes a takeover wait for a fenced write in flight, so nothing under the old token commits after it', async () => {
    const lease = await take(gatewayA, 'gw-a', TTL_MS);
    const writer = new pg.Client(url);
    await writer.connect();
    try {
      await writer.query('BEGIN');
      await assertLeaseHeld(writer as unknown as pg.PoolClient, lease);
      const writerPid = (await writer.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid ?? 0;
      await wait(TTL_MS * 1.5);
      let tookOver = false;
      const takeover = gatewayB.leases.acquire('queue:af', 'gw-b', 5_000).then((taken) => {
        tookOver = true;
        return taken;
      });
      await blockedBackend(url, writerPid);
      expect(tookOver).toBe(false);
      await writer.query('COMMIT');
      expect(await takeover).toMatchObject({ holder: 'gw-b', token: 2 });
    } finally {
      await writer.end();
    }
  });
});
