import type { Callback, CreateCallbackRequest, RescheduleCallbackRequest, UpdateCallbackRequest } from '@icc/protocol';
import { IccError, InvalidTransitionError, nextState, type CallbackActor, type NewCallbackIdentity } from '@icc/core';
import type { EngineEmitter } from './engine-emitter';
import { recallClosedCallback, refusalForAbsentCallback } from './engine-recall';

/** A new callback request: queue defaults applied, then `scheduled` or straight into the queue. */
export function requestCallback(emitter: EngineEmitter, request: CreateCallbackRequest, identity: NewCallbackIdentity): void {
  const { state, now } = emitter;
  // Idempotency rule of `CcaasAdapterV1.requestCallback`: a known callbackId never creates a second callback.
  const known = state.callbacks.get(identity.callbackId) ?? recallClosedCallback(state, identity.callbackId);
  if (known) {
    if (known.number === identity.number) return;
    throw new IccError(
      'idempotency_conflict',
      `Callback ${identity.callbackId} already exists as ${known.number}; a different request needs a new callbackId`,
    );
  }
  const queue = state.queues.get(request.queueId);
  if (!queue) {
    throw new IccError('not_found', `Queue ${request.queueId} does not exist`, [
      { path: ['queueId'], message: 'Unknown queue', code: 'custom' },
    ]);
  }
  const { capabilities } = state.options;
  const mode = request.mode ?? queue.defaultMode;
  if (!capabilities.modes.includes(mode)) {
    throw new IccError('capability_unsupported', `This vendor does not support ${mode} callbacks`);
  }
  if (request.schedule.type === 'scheduled' && !capabilities.scheduled) {
    throw new IccError('capability_unsupported', 'This vendor does not support scheduled callbacks');
  }
  if (request.expireAt !== undefined && Date.parse(request.expireAt) <= now) {
    throw new IccError('validation_failed', 'expireAt is in the past', [
      { path: ['expireAt'], message: 'Must be in the future', code: 'custom' },
    ]);
  }
  const callback: Callback = {
    ...request,
    id: identity.callbackId,
    number: identity.number,
    mode,
    retryPolicy: request.retryPolicy ?? queue.retryPolicy,
    requestedAt: new Date(now).toISOString(),
    state: 'pending',
    interactionId: identity.interactionId,
    attempts: 0,
  };
  if (identity.idempotencyKey !== undefined) callback.idempotencyKey = identity.idempotencyKey;
  const start = request.schedule.type === 'scheduled' ? Date.parse(request.schedule.start) : undefined;
  emitter.emit({
    type: 'interaction.created',
    interactionId: identity.interactionId,
    callbackId: callback.id,
    callback,
    queueName: queue.name,
    vendor: state.options.vendor,
    initialState: start !== undefined && start > now ? 'scheduled' : 'queued',
    ...(request.schedule.type === 'scheduled' ? { scheduledAt: request.schedule.start } : {}),
    ...(identity.requestHash !== undefined ? { requestHash: identity.requestHash } : {}),
  });
}

/** The callback's current interaction, when it may take `eventType`. */
function requireTransition(emitter: EngineEmitter, callbackId: string, eventType: Parameters<typeof nextState>[2]) {
  const callback = emitter.state.callbacks.get(callbackId);
  const interaction = callback && emitter.state.interactions.get(callback.interactionId);
  if (!interaction) throw refusalForAbsentCallback(emitter.state, callbackId, eventType);
  if (nextState(interaction.mode, interaction.state, eventType) === undefined) {
    throw new InvalidTransitionError(interaction.state, eventType, interaction.mode);
  }
  return interaction;
}

const byActor = (actor: CallbackActor) => (actor === 'agent' ? 'agent' : actor === 'customer' ? 'customer' : 'api');

/** Cancel is allowed until the customer and an agent are connected. */
export function cancelCallback(emitter: EngineEmitter, callbackId: string, actor: CallbackActor, reason?: string): void {
  const interaction = requireTransition(emitter, callbackId, 'interaction.closed');
  if (interaction.state === 'wrap-up') throw new InvalidTransitionError(interaction.state, 'cancel', interaction.mode);
  const detail = reason ?? 'Cancelled';
  emitter.emit({
    type: 'interaction.closed',
    interactionId: interaction.id,
    callbackId,
    outcome: 'cancelled',
    by: byActor(actor),
    detail,
  });
  const source = interaction.transferredFrom && emitter.state.interactions.get(interaction.transferredFrom);
  if (source && source.state === 'transferring') {
    emitter.emit({ type: 'interaction.closed', interactionId: source.id, callbackId, outcome: 'cancelled', by: byActor(actor), detail });
  }
}

export function rescheduleCallback(
  emitter: EngineEmitter,
  callbackId: string,
  request: RescheduleCallbackRequest,
  actor: CallbackActor,
): void {
  const { capabilities } = emitter.state.options;
  if (!capabilities.reschedule || !capabilities.scheduled) {
    throw new IccError('capability_unsupported', 'This vendor does not support rescheduling callbacks');
  }
  if (Date.parse(request.start) <= emitter.now) {
    throw new IccError('validation_failed', 'start must be in the future', [
      { path: ['start'], message: 'Must be in the future', code: 'custom' },
    ]);
  }
  const interaction = requireTransition(emitter, callbackId, 'interaction.rescheduled');
  emitter.emit({
    type: 'interaction.rescheduled',
    interactionId: interaction.id,
    callbackId,
    scheduledAt: request.start,
    ...(request.windowEnd !== undefined ? { windowEnd: request.windowEnd } : {}),
    by: byActor(actor),
  });
}

export function updateCallback(emitter: EngineEmitter, callbackId: string, changes: UpdateCallbackRequest): void {
  const interaction = requireTransition(emitter, callbackId, 'callback.updated');
  emitter.emit({ type: 'callback.updated', interactionId: interaction.id, callbackId, changes });
}
