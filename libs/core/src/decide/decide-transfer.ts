import type { Callback, Interaction, QueueConfig, TransferTarget } from '@icc/protocol';
import { assertTransferTarget } from './assert-transfer-target';
import { isoAt, type DecidedEvent } from './decided-event';

export interface CallbackTransferCommand {
  callback: Callback;
  target: TransferTarget;
  /** The queue the receiving interaction waits in: the target queue, or the source's for an agent. */
  queue: Pick<QueueConfig, 'id' | 'name'>;
  toInteractionId: string;
  now: number;
  /** The vendor's work item, when the receiving interaction shares the sender's. */
  vendorRef?: string;
}

/**
 * Transfer callback before dialing: the sender records the request and a receiving interaction is
 * created in the target's queue, pointing back at it. The sender keeps the callback until the
 * receiver accepts (`decideTransferCompleted`) or the sender cancels (`decideTransferCancel`).
 */
export function decideCallbackTransfer(
  source: Pick<Interaction, 'id' | 'callbackId' | 'agentId' | 'queueId' | 'vendor'>,
  { callback, target, queue, toInteractionId, now, vendorRef }: CallbackTransferCommand,
): [DecidedEvent<'interaction.transfer-requested'>, DecidedEvent<'interaction.created'>] {
  assertTransferTarget(source, target);
  const at = isoAt(now);
  return [
    { type: 'interaction.transfer-requested', interactionId: source.id, callbackId: source.callbackId, at, target, toInteractionId },
    {
      type: 'interaction.created',
      interactionId: toInteractionId,
      callbackId: callback.id,
      at,
      callback: { ...callback, queueId: queue.id, interactionId: toInteractionId },
      queueName: queue.name,
      vendor: source.vendor,
      ...(vendorRef !== undefined ? { vendorRef } : {}),
      initialState: 'queued',
      transferredFrom: source.id,
    },
  ];
}

/** The sender calls the transfer off: its interaction records it, and the receiving one (if still open) closes as cancelled. */
export function decideTransferCancel(
  source: Pick<Interaction, 'id' | 'callbackId' | 'queueId'>,
  receiving: Pick<Interaction, 'id' | 'callbackId' | 'state'> | undefined,
  now: number,
  detail = 'Transfer cancelled by the sending agent',
): [DecidedEvent<'interaction.transfer-cancelled'>, ...Array<DecidedEvent<'interaction.closed'>>] {
  const at = isoAt(now);
  const cancelled: DecidedEvent<'interaction.transfer-cancelled'> = { type: 'interaction.transfer-cancelled', interactionId: source.id, callbackId: source.callbackId, at, queueId: source.queueId };
  if (!receiving || receiving.state === 'closed') return [cancelled];
  return [
    cancelled,
    { type: 'interaction.closed', interactionId: receiving.id, callbackId: receiving.callbackId, at, outcome: 'cancelled', by: 'agent', detail },
  ];
}

/** The receiver accepted a transferred callback: the sender, still transferring, closes as transferred. */
export function decideTransferCompleted(
  accepted: Pick<Interaction, 'id' | 'agentId'>,
  source: Pick<Interaction, 'id' | 'callbackId' | 'state'> | undefined,
  now: number,
): DecidedEvent<'interaction.closed'> | undefined {
  if (source?.state !== 'transferring') return undefined;
  const detail = `Accepted by ${accepted.agentId ?? 'the receiver'} as ${accepted.id}`;
  return { type: 'interaction.closed', interactionId: source.id, callbackId: source.callbackId, at: isoAt(now), outcome: 'transferred', by: 'agent', detail };
}
