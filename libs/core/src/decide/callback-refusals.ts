import type { InteractionState, RoutingMode } from '@icc/protocol';
import { IccError, InvalidTransitionError } from '../errors';

/** `validation_failed` at one field, with the fix as the message. */
function invalidField(field: string, message: string, fix: string): IccError {
  return new IccError('validation_failed', message, [{ path: [field], message: fix, code: 'custom' }]);
}

/**
 * Every refusal ICC's callback rules can give, in one place: the engine, every adapter and the
 * gateway raise these, so one rule has one code and one message wherever it is broken.
 */
export const callbackRefusals = {
  expireAtNotInFuture: () => invalidField('expireAt', 'expireAt must be in the future', 'Must be in the future'),
  waitingSinceInFuture: () => invalidField('waitingSince', 'waitingSince must not be in the future', 'Must not be in the future'),
  waitingSinceTooOld: () =>
    invalidField('waitingSince', 'waitingSince must be within the last 24 hours', 'Must be within the last 24 hours'),
  startNotInFuture: () => invalidField('start', 'start must be in the future', 'Must be in the future'),
  unknownQueue: (queueId: string) =>
    new IccError('not_found', `Queue ${queueId} does not exist`, [{ path: ['queueId'], message: 'Unknown queue', code: 'custom' }]),
  modeUnsupported: (mode: RoutingMode) => new IccError('capability_unsupported', `This vendor does not support ${mode} callbacks`),
  scheduledUnsupported: () => new IccError('capability_unsupported', 'This vendor does not support scheduled callbacks'),
  keepsPlaceUnsupported: () =>
    new IccError('capability_unsupported', 'This vendor cannot order a callback by when its customer started waiting (waitingSince)'),
  keptCallbacksUnsupported: (reason: string) =>
    new IccError('capability_unsupported', `This vendor cannot keep a callback for one agent: ${reason}`, [
      { path: ['assignedAgentId'], message: reason, code: 'custom' },
    ]),
  rescheduleUnsupported: () => new IccError('capability_unsupported', 'This vendor does not support rescheduling callbacks'),
  rescheduleMoveUnsupported: () =>
    new IccError('capability_unsupported', 'This vendor cannot change the queue or the numbers of a callback when rescheduling it'),
  otherModeQueue: (queueId: string, mode: RoutingMode) =>
    invalidField('queueId', `Queue ${queueId} does not route ${mode} callbacks`, `Pick a queue that routes ${mode} callbacks`),
  idempotencyConflict: (callbackId: string, knownNumber: string) =>
    new IccError('idempotency_conflict', `Callback ${callbackId} already exists as ${knownNumber}; a different request needs a new callbackId`),
  notHandledBy: (interactionId: string, agentId: string) =>
    new IccError('forbidden', `Interaction ${interactionId} is not offered to or handled by agent ${agentId}`),
  notCustomerNumber: (phoneNumber: string) =>
    invalidField('phoneNumber', `${phoneNumber} is not one of the customer's callback numbers`, "Pick one of the customer's callback numbers"),
  /** `attempted` is the word the caller used (`cancel`, `reschedule`), not the event it would emit. */
  notAllowedNow: (state: InteractionState, attempted: string, mode: RoutingMode) => new InvalidTransitionError(state, attempted, mode),
  /** A change to a callback with no open interaction: refused as after close when `closed` was, else unknown. */
  noOpenInteraction: (callbackId: string, attempted: string, closed: { mode: RoutingMode } | undefined) =>
    closed ? new InvalidTransitionError('closed', attempted, closed.mode) : new IccError('not_found', `Callback ${callbackId} has no open interaction`),
} as const;

