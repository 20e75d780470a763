import { AdapterError, IccError } from '@icc/core';

export interface StateRefusalOptions {
  /** The vendor statuses that mean "not in this state" for the call (e.g. 409, or 400/404/409). */
  statuses: ReadonlySet<number>;
  /** When given, only these vendor error codes among those statuses (a 400 can be a refusal in state or a bad parameter). */
  codes?: ReadonlySet<string>;
  /** The conflict's message, from the vendor's refusal. */
  describe(refusal: AdapterError): string;
  /** Runs once the refusal is known, e.g. to read the resource back because the adapter is behind. */
  onRefused?(refusal: AdapterError): void;
}

/**
 * Runs a vendor call; a refusal of it in the state the contact or conversation is in becomes a
 * `409 invalid_transition` the agent can act on, instead of a `502` vendor outage.
 */
export async function conflictOnStateRefusal<T>(call: Promise<T>, options: StateRefusalOptions): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (!(error instanceof AdapterError) || error.retryable || error.vendorStatus === undefined || !options.statuses.has(error.vendorStatus)) throw error;
    if (options.codes && !options.codes.has(error.vendorCode ?? '')) throw error;
    options.onRefused?.(error);
    throw new IccError('invalid_transition', options.describe(error));
  }
}
