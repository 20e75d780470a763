import type { Lease, LeaseStore } from '../ports/leases';

export interface LeaseStoreUnderTest {
  leases: LeaseStore;
  /** Lets `ms` pass on the store's clock (a fake clock's advance, or a real wait). */
  elapse(ms: number): Promise<void>;
  close?(): Promise<void>;
}

/**
 * What every lease store guarantees. `ttlMs` is the lease length the suite uses: a store on real
 * time wants it short, but long enough for a few round trips.
 */
export function describeLeaseStoreContract(name: string, open: () => Promise<LeaseStoreUnderTest>, ttlMs = 1_000): void {
  describe(`lease store contract: ${name}`, () => {
    let store: LeaseStoreUnderTest;
    const leases = () => store.leases;
    const lapse = () => store.elapse(ttlMs + Math.ceil(ttlMs / 2));
    const take = async (name: string, holder: string): Promise<Lease> => {
      const lease = await leases().acquire(name, holder, ttlMs);
      if (!lease) throw new Error(`${holder} could not take ${name}`);
      return lease;
    };
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close?.();
    });

    it('gives a free lease to the first holder, token 1, and refuses it to another while it is live', async () => {
      const taken = await leases().acquire('queue:af', 'gw-a', ttlMs);
      expect(taken).toMatchObject({ name: 'queue:af', holder: 'gw-a', token: 1 });
      expect(await leases().acquire('queue:af', 'gw-b', ttlMs)).toBeUndefined();
      expect(await leases().current('queue:af')).toMatchObject({ holder: 'gw-a', token: 1 });
    });

    it('extends a live lease for its holder with the same token, later expiry', async () => {
      const first = await take('queue:af', 'gw-a');
      await store.elapse(Math.ceil(ttlMs / 4));
      const again = await take('queue:af', 'gw-a');
      const renewed = await leases().renew(again, ttlMs);
      expect(again.token).toBe(first.token);
      expect(renewed?.token).toBe(first.token);
      expect(renewed?.expiresAtMs).toBeGreaterThan(first.expiresAtMs);
    });

    it('lets another holder take a lapsed lease with the next token; the old holder can no longer renew it', async () => {
      const old = await take('queue:af', 'gw-a');
      await lapse();
      const taken = await leases().acquire('queue:af', 'gw-b', ttlMs);
      expect(taken).toMatchObject({ holder: 'gw-b', token: 2 });
      expect(await leases().renew(old, ttlMs)).toBeUndefined();
      expect(await leases().acquire('queue:af', 'gw-a', ttlMs)).toBeUndefined();
    });

    it('does not renew a lapsed lease nobody took: its holder must take it anew, with a new token', async () => {
      const old = await take('queue:af', 'gw-a');
      await lapse();
      expect(await leases().renew(old, ttlMs)).toBeUndefined();
      expect(await leases().acquire('queue:af', 'gw-a', ttlMs)).toMatchObject({ holder: 'gw-a', token: 2 });
    });

    it('frees a released lease at once (next token); releasing a lease no longer held frees nothing', async () => {
      const first = await take('queue:af', 'gw-a');
      await leases().release(first);
      const second = await take('queue:af', 'gw-b');
      expect(second).toMatchObject({ holder: 'gw-b', token: 2 });
      await leases().release(first);
      expect(await leases().acquire('queue:af', 'gw-c', ttlMs)).toBeUndefined();
      expect(await leases().renew(second, ttlMs)).toMatchObject({ holder: 'gw-b', token: 2 });
    });

    it('keeps leases of different names apart', async () => {
      expect(await leases().acquire('queue:af', 'gw-a', ttlMs)).toMatchObject({ token: 1 });
      expect(await leases().acquire('queue:cf', 'gw-b', ttlMs)).toMatchObject({ holder: 'gw-b', token: 1 });
      expect(await leases().current('queue:none')).toBeUndefined();
    });

    it('gives a lease contended by many holders at once to exactly one', async () => {
      const holders = Array.from({ length: 8 }, (_, index) => `gw-${index}`);
      const results = await Promise.all(holders.map((holder) => leases().acquire('queue:busy', holder, ttlMs)));
      const winners = results.filter((result) => result !== undefined);
      expect(winners).toHaveLength(1);
      expect(await leases().current('queue:busy')).toMatchObject({ holder: winners[0]?.holder, token: 1 });
    });
  });
}
