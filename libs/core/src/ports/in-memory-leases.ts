import type { Clock } from './clock';
import type { Lease, LeaseStore } from './leases';

/** Leases of one process, on its clock: for tests and a single gateway. */
export function createInMemoryLeases(clock: Clock): LeaseStore & { isLive(lease: Lease): boolean } {
  const leases = new Map<string, Lease>();
  const isLive = (lease: Lease) => {
    const stored = leases.get(lease.name);
    return stored !== undefined && stored.holder === lease.holder && stored.token === lease.token && stored.expiresAtMs > clock.now();
  };
  return {
    isLive,
    async acquire(name, holder, ttlMs) {
      const stored = leases.get(name);
      const now = clock.now();
      const held = stored !== undefined && stored.expiresAtMs > now;
      if (held && stored.holder !== holder) return undefined;
      const token = held ? stored.token : (stored?.token ?? 0) + 1;
      const lease = { name, holder, token, expiresAtMs: now + ttlMs };
      leases.set(name, lease);
      return lease;
    },
    async renew(lease, ttlMs) {
      if (!isLive(lease)) return undefined;
      const renewed = { ...lease, expiresAtMs: clock.now() + ttlMs };
      leases.set(lease.name, renewed);
      return renewed;
    },
    async release(lease) {
      if (isLive(lease)) leases.set(lease.name, { ...lease, expiresAtMs: clock.now() });
    },
    async current(name) {
      return leases.get(name);
    },
  };
}
