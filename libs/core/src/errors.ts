import type { ErrorBody, ErrorCode, ErrorIssue } from '@icc/protocol';

/** A failure the caller caused or can act on; maps 1:1 to the protocol error body. */
export class IccError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
    /** What the caller needs to act on the refusal (`slot_full`: free slots, `duplicate_callback`: the existing callback). */
    readonly details?: Pick<ErrorBody, 'nextFreeSlots' | 'existingCallback'>,
  ) {
    super(message);
    this.name = 'IccError';
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}), ...this.details };
  }
}

/** An event or command that the interaction state machine does not allow in the current state. */
export class InvalidTransitionError extends IccError {
  constructor(
    readonly from: string,
    readonly attempted: string,
    readonly mode: string,
  ) {
    super('invalid_transition', `"${attempted}" is not allowed while the interaction is ${from} (${mode})`);
    this.name = 'InvalidTransitionError';
  }
}

/** A vendor call failed. `retryable` tells the caller whether trying again may help. */
export class AdapterError extends IccError {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly vendorStatus?: number,
    readonly vendorCode?: string,
  ) {
    super('vendor_unavailable', message);
    this.name = 'AdapterError';
  }
}
