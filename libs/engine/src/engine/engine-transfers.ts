import type { CallTransferTarget, Interaction, TransferTarget } from '@icc/protocol';
import {
  assertCallTransferTarget,
  assertCallTransferTargetAllowed,
  decideCallbackTransfer,
  decideCallRequeue,
  decideExternalCallTransfer,
  decideTransferCancel,
  IccError,
  queueConfigStamp,
  requireCallTransferKindSupported,
} from '@icc/core';
import { isAgentFree } from './engine-state';
import { autoClose } from './engine-telephony';
import type { EngineEmitter } from './engine-emitter';
import { interactionQueue } from './engine-queue-configs';

/** Transfer callback (before dialing): a new interaction is queued or directed to one agent. */
export function startTransfer(emitter: EngineEmitter, source: Interaction, target: TransferTarget): void {
  const { state } = emitter;
  const callback = state.callbacks.get(source.callbackId);
  if (!callback) throw new IccError('not_found', `Callback ${source.callbackId} does not exist`);
  const queueId = target.kind === 'queue' ? target.queueId : source.queueId;
  const queue = state.queues.get(queueId);
  if (!queue) throw new IccError('not_found', `Queue ${queueId} does not exist`);
  if (target.kind === 'agent' && !state.agents.get(target.agentId)) throw new IccError('not_found', `Agent ${target.agentId} does not exist`);
  const toInteractionId = state.options.newInteractionId?.() ?? globalThis.crypto.randomUUID();
  const [requested, created] = decideCallbackTransfer(source, { callback, target, queue, toInteractionId, now: emitter.now });
  emitter.emit(requested);
  if (target.kind === 'agent') state.directedTo.set(toInteractionId, target.agentId);
  // Within its queue the callback keeps the version it started with; another queue's is its current one.
  emitter.emit({ ...created, ...queueConfigStamp((queueId === source.queueId && interactionQueue(state, source)) || queue) });
}

/** Cancel callback transfer: only until the receiver accepts. */
export function cancelTransfer(emitter: EngineEmitter, source: Interaction, detail?: string): void {
  const receiving = source.transfer && emitter.state.interactions.get(source.transfer.toInteractionId);
  for (const event of decideTransferCancel(source, receiving, emitter.now, detail)) emitter.emit(event);
}

/** The agent a callback was transferred to rejected it: it goes back to the sender, not round again. */
export function returnRejectedTransfer(emitter: EngineEmitter, receiver: Interaction, agentId: string): void {
  if (emitter.state.directedTo.get(receiver.id) !== agentId || receiver.transferredFrom === undefined) return;
  const source = emitter.state.interactions.get(receiver.transferredFrom);
  if (source?.state === 'transferring') cancelTransfer(emitter, source, `Rejected by ${agentId}`);
}

/** Blind transfer of a live call: to a free agent, into a queue (customer stays on), or out of ICC. */
export function transferCall(emitter: EngineEmitter, interaction: Interaction, fromAgentId: string, target: CallTransferTarget): void {
  requireCallTransferKindSupported(emitter.state.options.capabilities, target);
  assertCallTransferTargetAllowed(interaction, fromAgentId, target);
  const ids = { interactionId: interaction.id, callbackId: interaction.callbackId };
  switch (target.kind) {
    case 'agent':
      requireFreeAgent(emitter, target.agentId, fromAgentId);
      return emitter.emit({ type: 'interaction.call-transferred', ...ids, fromAgentId, toAgentId: target.agentId, method: 'blind' });
    case 'queue': {
      const queue = emitter.state.queues.get(target.queueId);
      return emitter.emit(decideCallRequeue(interaction, { fromAgentId, queueId: target.queueId, queue, now: emitter.now }));
    }
    case 'external': {
      const { autoCloseAt } = autoClose(emitter, interaction);
      const external = { fromAgentId, phoneNumber: target.phoneNumber, ...(autoCloseAt !== undefined ? { autoCloseAt } : {}), now: emitter.now };
      return emitter.emit(decideExternalCallTransfer(interaction, external));
    }
  }
}

/** A live call or consult goes only to another existing agent who is free now. */
export function requireFreeAgent(emitter: EngineEmitter, targetAgentId: string, fromAgentId: string): void {
  assertCallTransferTarget(fromAgentId, targetAgentId);
  if (!emitter.state.agents.has(targetAgentId)) throw new IccError('not_found', `Agent ${targetAgentId} does not exist`);
  if (!isAgentFree(emitter.state, targetAgentId)) {
    throw new IccError('invalid_transition', `Agent ${targetAgentId} is not available to take the call`);
  }
}
