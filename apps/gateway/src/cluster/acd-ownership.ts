import type { Clock, Lease, LeaseStore, Logger } from '@icc/core';
import { createLeaseKeeper, type LeaseKeeper } from '@icc/engine';
import { ACD_LEASE, DEFAULT_LEASE_TTL_MS } from './cluster-settings';
import type { AcdTerm } from './acd-term';

export interface AcdOwnershipOptions {
  leases: LeaseStore;
  timerClock: Clock;
  logger: Logger;
  leaseTtlMs?: number;
  /** Starts the ACD's work under `lease` (see `startAcdTerm`). */
  startTerm(lease: Lease): Promise<AcdTerm>;
}

/** Whether this gateway runs the ACD, and the running work when it does. */
export interface AcdOwnership {
  /** Starts competing for the lease under this gateway's URL. */
  start(instanceUrl: string): void;
  /** The running term; waits for one that is starting, so a call never overtakes the restore. */
  localTerm(): Promise<AcdTerm | undefined>;
  /** The running term as of now, without waiting. */
  currentTerm(): AcdTerm | undefined;
  /** The term's appends were refused: its lease is gone, so it stops at once, before the keeper notices. */
  fenceLost(lease: Lease): void;
  /** Gives the lease up (another gateway takes over at its next attempt) once the term's work has stopped. */
  stop(): Promise<void>;
}

/**
 * One term at a time, in lease order: each change (start on acquiring, stop on losing) waits for
 * the previous one, so a lease lost while its term was still starting stops that term as soon as
 * it has started, and a term's calls wait for its restore from the log.
 */
export function createAcdOwnership(options: AcdOwnershipOptions): AcdOwnership {
  let keeper: LeaseKeeper | undefined;
  let term: AcdTerm | undefined;
  let changes: Promise<void> = Promise.resolve();
  let starting: Promise<void> | undefined;

  const change = (work: () => Promise<void>) => {
    changes = changes.then(work).catch((error: unknown) => options.logger.error({ err: error }, 'ACD ownership change failed'));
    return changes;
  };

  const begin = (lease: Lease) => {
    starting = change(async () => {
      if (keeper?.held()?.token !== lease.token) return;
      try {
        term = await options.startTerm(lease);
        options.logger.info({ lease: lease.name, leaseToken: lease.token }, 'ACD running on this gateway');
      } catch (error) {
        options.logger.error({ err: error, leaseToken: lease.token }, 'the ACD could not start here: giving its lease up');
        await options.leases.release(lease).catch(() => undefined);
        return;
      }
      // Lost while starting: the keeper's end() ran before `term` was set.
      if (keeper?.held()?.token !== lease.token) await end(lease.token);
    }).finally(() => {
      starting = undefined;
    });
  };

  const end = async (token: number) => {
    const ending = term;
    if (!ending || ending.lease.token !== token) return;
    term = undefined;
    await ending.stop();
    options.logger.info({ leaseToken: token }, 'ACD stopped on this gateway');
  };

  return {
    start(instanceUrl) {
      keeper = createLeaseKeeper({
        leases: options.leases,
        name: ACD_LEASE,
        holder: instanceUrl,
        clock: options.timerClock,
        ttlMs: options.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS,
        logger: options.logger,
        onAcquired: begin,
        onLost: (lease) => void change(() => end(lease.token)),
      });
      keeper.start();
    },
    async localTerm() {
      await starting;
      return term;
    },
    currentTerm: () => term,
    fenceLost(lease) {
      options.logger.warn({ leaseToken: lease.token }, 'an append under the ACD lease was refused: stopping the ACD here');
      void change(() => end(lease.token));
    },
    async stop() {
      // The work stops first, under a lease still held, so its last appends land; then the lease goes.
      const token = term?.lease.token;
      if (token !== undefined) await change(() => end(token));
      await keeper?.stop();
      await changes;
    },
  };
}
