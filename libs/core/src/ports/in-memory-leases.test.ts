import { createFakeClock } from './fake-clock';
import { createInMemoryLeases } from './in-memory-leases';
import { describeLeaseStoreContract } from '../testing/lease-store-contract';

describeLeaseStoreContract('in memory', async () => {
  const clock = createFakeClock();
  return {
    leases: createInMemoryLeases(clock),
    elapse: async (ms) => clock.advance(ms),
  };
});

describe('in-memory leases', () => {
  it('tells whether a lease is still live with its token', async () => {
    const clock = createFakeClock();
    const leases = createInMemoryLeases(clock);
    const lease = await leases.acquire('queue:af', 'gw-a', 1_000);
    if (!lease) throw new Error('not taken');
    expect(leases.isLive(lease)).toBe(true);
    clock.advance(1_000);
    expect(leases.isLive(lease)).toBe(false);
  });
});
