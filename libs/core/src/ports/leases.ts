import { IccError } from '../errors';

/**
 * A claim on work that must run on exactly one gateway at a time: a queue's ACD (routing, timers,
 * offers), a vendor's notification channel. Held for a time-to-live and renewed while the holder
 * is healthy; when it lapses another gateway may take it.
 */
export interface Lease {
  readonly name: string;
  readonly holder: string;
  /**
   * Fencing token: grows each time the lease is taken anew (another holder, or the same one after
   * it lapsed). A write fenced with an older token is refused, so a holder that was paused past its
   * lease can never write under it, even if it still believes it holds it.
   */
  readonly token: number;
  /** When the lease lapses unless renewed, in epoch ms of the store's clock (not the holder's). */
  readonly expiresAtMs: number;
}

/** Where leases live. Time is the store's: gateways' clocks may disagree, the store decides. */
export interface LeaseStore {
  /**
   * Takes `name` for `holder` when it is free, released or lapsed (a new token), or extends it when
   * `holder` holds it and it is live (same token). Undefined while another holder's lease is live.
   */
  acquire(name: string, holder: string, ttlMs: number): Promise<Lease | undefined>;
  /** Extends a live lease with the same token; undefined when it lapsed, was released or was taken. */
  renew(lease: Lease, ttlMs: number): Promise<Lease | undefined>;
  /** Gives it up at once (the next acquire gets a new token); a no-op when no longer held. */
  release(lease: Lease): Promise<void>;
  /** The lease as stored, live or lapsed; undefined when never taken. */
  current(name: string): Promise<Lease | undefined>;
}

/**
 * A write fenced with a lease that is no longer live with that token (lapsed, released or taken over).
 * To a caller it is `owner_unavailable` (503): the work moved to another gateway, nothing was written.
 */
export class LeaseLostError extends IccError {
  constructor(readonly lease: Lease) {
    super('owner_unavailable', `Lease "${lease.name}" (token ${lease.token}) is no longer held by ${lease.holder}: the write was refused`);
    this.name = 'LeaseLostError';
  }
}
