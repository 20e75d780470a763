import type { Clock, Lease, LeaseStore, Logger } from '@icc/core';
import { silentLogger } from '@icc/core';

export type LeaseLossReason = 'taken' | 'unreachable' | 'stopped';

export interface LeaseKeeperOptions {
  leases: LeaseStore;
  name: string;
  holder: string;
  clock: Clock;
  /** How long a lease lasts unless renewed: the bound on a takeover after its holder died. Default 10 s. */
  ttlMs?: number;
  /** How often the holder renews, and a waiting gateway tries to take it. Default a third of `ttlMs`. */
  attemptEveryMs?: number;
  /** Now the work is this gateway's: start it from the log. Writes carry `lease` as their fence. */
  onAcquired(lease: Lease): void;
  /** Stop the work at once: another gateway may hold the lease already (or will soon). */
  onLost(lease: Lease, reason: LeaseLossReason): void;
  logger?: Logger;
}

export interface LeaseKeeper {
  start(): void;
  /** The lease while this gateway holds it (as far as it knows: writes are fenced anyway). */
  held(): Lease | undefined;
  /** Stops trying; a held lease is released, so another gateway takes over at its next attempt. */
  stop(): Promise<void>;
}

/**
 * Keeps one lease: tries to take it while another gateway holds it, renews it while held, and
 * gives the work up when it cannot be sure of it any more. When renewals fail (store unreachable)
 * the holder steps down once its lease may have lapsed, judged on its own clock from the moment
 * it asked (the store's expiry is never earlier than that), so it stops acting no later than the
 * store lets another gateway start.
 */
export function createLeaseKeeper(options: LeaseKeeperOptions): LeaseKeeper {
  const ttlMs = options.ttlMs ?? 10_000;
  const attemptEveryMs = options.attemptEveryMs ?? Math.max(1, Math.floor(ttlMs / 3));
  const logger = options.logger ?? silentLogger;
  let lease: Lease | undefined;
  /** Local time by which the held lease may have lapsed: asked-at + ttl. */
  let mayLapseAt = 0;
  let cancelTimer: (() => void) | undefined;
  let running = false;
  let attempt: Promise<void> = Promise.resolve();

  const lose = (reason: LeaseLossReason) => {
    const lost = lease;
    lease = undefined;
    if (!lost) return;
    logger.warn({ lease: lost.name, leaseToken: lost.token, reason }, 'lease lost: stopping its work');
    options.onLost(lost, reason);
  };

  const tryOnce = async () => {
    const askedAt = options.clock.now();
    try {
      const result = lease ? await options.leases.renew(lease, ttlMs) : await options.leases.acquire(options.name, options.holder, ttlMs);
      if (!running) return;
      if (result) {
        const fresh = !lease || lease.token !== result.token;
        lease = result;
        mayLapseAt = askedAt + ttlMs;
        if (fresh) {
          logger.info({ lease: result.name, leaseToken: result.token }, 'lease acquired: starting its work');
          options.onAcquired(result);
        }
      } else {
        lose('taken');
      }
    } catch (error) {
      logger.warn({ lease: options.name, err: error }, 'lease store unreachable');
      if (lease && options.clock.now() + attemptEveryMs >= mayLapseAt) lose('unreachable');
    }
  };

  const schedule = () => {
    if (!running) return;
    const now = options.clock.now();
    // A holder whose renewals keep failing must step down before the lapse, not an attempt late.
    const next = lease ? Math.min(now + attemptEveryMs, mayLapseAt - 1) : now + attemptEveryMs;
    cancelTimer = options.clock.setTimer(Math.max(now, next), () => {
      attempt = tryOnce().then(schedule);
    });
  };

  return {
    start() {
      if (running) return;
      running = true;
      attempt = tryOnce().then(schedule);
    },
    held: () => lease,
    async stop() {
      running = false;
      cancelTimer?.();
      await attempt;
      const held = lease;
      if (!held) return;
      lose('stopped');
      await options.leases.release(held).catch((error: unknown) => logger.warn({ lease: held.name, err: error }, 'lease not released: it lapses by itself'));
    },
  };
}
