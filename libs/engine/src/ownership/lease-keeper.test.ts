import { createFakeClock, createInMemoryLeases, type Clock, type Lease, type LeaseStore } from '@icc/core';
import { createLeaseKeeper, type LeaseLossReason } from './lease-keeper';

const TTL_MS = 9_000;
const flush = () => new Promise((resolve) => setImmediate(resolve));

/** Two or more gateways' keepers on one fake clock and one lease store; each can be killed (its timers never fire again). */
function setUp() {
  const clock = createFakeClock();
  const leases = createInMemoryLeases(clock);
  const elapse = async (ms: number) => {
    for (let passed = 0; passed < ms; passed += 100) {
      clock.advance(100);
      await flush();
    }
  };
  const gateway = (holder: string, store: LeaseStore = leases) => {
    let dead = false;
    const ownClock: Clock = {
      now: () => clock.now(),
      setTimer: (at, callback) => clock.setTimer(at, () => dead || callback()),
    };
    const acquired: { token: number; at: number }[] = [];
    const lost: { lease: Lease; reason: LeaseLossReason; at: number }[] = [];
    const keeper = createLeaseKeeper({
      leases: store,
      name: 'queue:af',
      holder,
      clock: ownClock,
      ttlMs: TTL_MS,
      onAcquired: (lease) => acquired.push({ token: lease.token, at: clock.now() }),
      onLost: (lease, reason) => lost.push({ lease, reason, at: clock.now() }),
    });
    return { keeper, acquired, lost, kill: () => (dead = true) };
  };
  /** gw-a starts first and takes the lease; gw-b starts next and waits. */
  const twoGateways = async () => {
    const a = gateway('gw-a');
    const b = gateway('gw-b');
    a.keeper.start();
    await flush();
    b.keeper.start();
    return { a, b };
  };
  return { clock, leases, elapse, gateway, twoGateways };
}

/** A store that fails every call while `down` is set, like a database that cannot be reached. */
function unreliable(store: LeaseStore) {
  const state = { down: false };
  const guard =
    <Args extends unknown[], Result>(call: (...args: Args) => Promise<Result>) =>
    async (...args: Args) => {
      if (state.down) throw new Error('connection refused');
      return call(...args);
    };
  const wrapped: LeaseStore = {
    acquire: guard(store.acquire),
    renew: guard(store.renew),
    release: guard(store.release),
    current: guard(store.current),
  };
  return { store: wrapped, state };
}

describe('lease keeper', () => {
  it('gives the work to one gateway; the other keeps waiting while the holder renews', async () => {
    const { elapse, twoGateways } = setUp();
    const { a, b } = await twoGateways();
    await elapse(60_000);
    expect(a.acquired.map((taken) => taken.token)).toEqual([1]);
    expect(a.keeper.held()?.token).toBe(1);
    expect(b.acquired).toEqual([]);
    expect(a.lost).toEqual([]);
  });

  it('hands the work over within lease time + one attempt after its holder dies without a word', async () => {
    const { clock, elapse, twoGateways } = setUp();
    const { a, b } = await twoGateways();
    await elapse(4_000);
    const diedAt = clock.now();
    a.kill();
    await elapse(30_000);
    expect(b.acquired).toHaveLength(1);
    expect(b.acquired[0]?.token).toBe(2);
    expect(b.acquired[0]?.at).toBeLessThanOrEqual(diedAt + TTL_MS + TTL_MS / 3);
  });

  it('hands the work over at the next attempt when its holder stops (release)', async () => {
    const { clock, elapse, twoGateways } = setUp();
    const { a, b } = await twoGateways();
    await elapse(1_000);
    const stoppedAt = clock.now();
    await a.keeper.stop();
    expect(a.lost.map((loss) => loss.reason)).toEqual(['stopped']);
    await elapse(TTL_MS);
    expect(b.acquired[0]?.at).toBeLessThanOrEqual(stoppedAt + TTL_MS / 3);
  });

  it('steps down before its lease can lapse when the store cannot be reached, and does not take it back while another gateway renews it', async () => {
    const { leases, elapse, gateway } = setUp();
    const flaky = unreliable(leases);
    const a = gateway('gw-a', flaky.store);
    const b = gateway('gw-b');
    a.keeper.start();
    await flush();
    const lease = a.keeper.held();
    b.keeper.start();
    flaky.state.down = true;
    await elapse(TTL_MS + 1_000);
    const loss = a.lost[0];
    expect(loss?.reason).toBe('unreachable');
    // Stopped acting no later than the store would let another gateway start.
    expect(loss?.at).toBeLessThan((lease?.expiresAtMs ?? 0) + 1);
    expect(b.acquired.map((taken) => taken.token)).toEqual([2]);
    flaky.state.down = false;
    await elapse(TTL_MS * 3);
    // gw-b renews it: gw-a waits and does not start the work again.
    expect(a.acquired).toHaveLength(1);
    expect(b.lost).toEqual([]);
  });

  it('notices a takeover at its next renewal (a holder paused past its lease) and stops', async () => {
    const { elapse, leases, gateway } = setUp();
    const a = gateway('gw-a');
    a.keeper.start();
    await flush();
    const lease = a.keeper.held();
    // Another gateway took it while gw-a was paused (lease lapsed, then taken).
    await leases.release(lease as Lease);
    await leases.acquire('queue:af', 'gw-b', TTL_MS);
    await elapse(TTL_MS / 3 + 100);
    expect(a.lost.map((loss) => loss.reason)).toEqual(['taken']);
    expect(a.keeper.held()).toBeUndefined();
  });
});
