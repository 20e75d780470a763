import type { Interaction, TransferTarget } from '@icc/protocol';
import { decideCallbackTransfer, decideTransferCancel, IccError, queueConfigStamp } from '@icc/core';
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
