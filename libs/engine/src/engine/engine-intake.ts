import type { CreateCallbackRequest, RescheduleCallbackRequest, UpdateCallbackRequest } from '@icc/protocol';
import {
  decideCallbackCreation,
  decideCallbackUpdate,
  decideCancel,
  decideReschedule,
  isRetriedRequest,
  type CallbackActor,
  type NewCallbackIdentity,
} from '@icc/core';
import type { EngineEmitter } from './engine-emitter';
import { recallClosedCallback, refusalForAbsentCallback } from './engine-recall';

/** A new callback request: queue defaults applied, then `scheduled` or straight into the queue. */
export function requestCallback(emitter: EngineEmitter, request: CreateCallbackRequest, identity: NewCallbackIdentity): void {
  const { state, now } = emitter;
  const known = state.callbacks.get(identity.callbackId) ?? recallClosedCallback(state, identity.callbackId);
  if (isRetriedRequest(known, identity)) return;
  const { created } = decideCallbackCreation({
    request,
    identity,
    queue: state.queues.get(request.queueId),
    capabilities: state.options.capabilities,
    vendor: state.options.vendor,
    now,
  });
  emitter.emit(created);
}

/** The callback's current interaction, when it may take `eventType`. */
function currentInteraction(emitter: EngineEmitter, callbackId: string, attempted: string) {
  const callback = emitter.state.callbacks.get(callbackId);
  const interaction = callback && emitter.state.interactions.get(callback.interactionId);
  if (!interaction) throw refusalForAbsentCallback(emitter.state, callbackId, attempted);
  return interaction;
}

/** Cancel is allowed until the customer and an agent are connected; a transfer's sender goes too. */
export function cancelCallback(emitter: EngineEmitter, callbackId: string, actor: CallbackActor, reason?: string): void {
  const interaction = currentInteraction(emitter, callbackId, 'cancel');
  const command = { actor, now: emitter.now, ...(reason !== undefined ? { reason } : {}) };
  emitter.emit(decideCancel(interaction, command));
  const source = interaction.transferredFrom && emitter.state.interactions.get(interaction.transferredFrom);
  if (source && source.state === 'transferring') emitter.emit(decideCancel(source, command));
}

export function rescheduleCallback(
  emitter: EngineEmitter,
  callbackId: string,
  request: RescheduleCallbackRequest,
  actor: CallbackActor,
): void {
  const { capabilities } = emitter.state.options;
  const interaction = currentInteraction(emitter, callbackId, 'reschedule');
  emitter.emit(decideReschedule(interaction, { request, actor, capabilities, now: emitter.now }));
}

export function updateCallback(emitter: EngineEmitter, callbackId: string, changes: UpdateCallbackRequest): void {
  const interaction = currentInteraction(emitter, callbackId, 'callback.updated');
  emitter.emit(decideCallbackUpdate(interaction, { changes, now: emitter.now }));
}
