import { undoOnFailure } from '@icc/adapter-kit';
import { randomUUID } from 'node:crypto';
import { decideCallbackTransfer, decideTransferCancel, IccError } from '@icc/core';
import type { IccEvent, TransferTarget } from '@icc/protocol';
import type { Models } from 'purecloud-platform-client-v2';
import type { Running } from './genesys-adapter-running';
import type { CommandTarget } from './genesys-command-target';
import type { GenesysOffer } from './genesys-callback-progress';
import type { GenesysCallbackRecord } from './genesys-callback-record';

function unmapped(what: string, id: string, path: string[]): IccError {
  return new IccError('not_found', `${what} ${id} is not mapped to Genesys`, [{ path, message: `Unknown ${what.toLowerCase()}`, code: 'custom' }]);
}

/** From now on the conversation's snapshots (and the callback's commands) belong to `record`; offers so far are history. */
function handOver({ works: records }: Running, record: GenesysCallbackRecord, conversationId: string, offersSoFar: number): void {
  record.cursor = { offered: offersSoFar, resolved: offersSoFar };
  records.add(record);
  records.link(record, conversationId);
}

/**
 * Transfer callback before dialing: `POST …/callbacks/{id}/participants/{agent}/replace` with
 * `transferType: Attended` ("the initiating agent maintains ownership of the conversation until the
 * intended recipient accepts the transfer", TransferRequest.md), then `transfer-requested` and the
 * receiving interaction. The receiving record takes the conversation before the request, so a
 * snapshot that beats the answer waits for `interaction.created` (`early`).
 */
export async function transferGenesysCallback(source: CommandTarget, offer: GenesysOffer, target: TransferTarget): Promise<IccEvent[]> {
  const { current, config, conversationId } = source;
  const view = source.view();
  const queueId = target.kind === 'queue' ? target.queueId : view.queueId;
  const genesysQueueId = config.queueMap[queueId];
  const queue = current.context.queues.find((candidate) => candidate.id === queueId);
  const settings = current.settings.get(queueId);
  if (genesysQueueId === undefined || !queue || !settings) throw unmapped('Queue', queueId, ['target', 'queueId']);
  const userId = target.kind === 'agent' ? config.userMap[target.agentId] : undefined;
  if (target.kind === 'agent' && userId === undefined) throw unmapped('Agent', target.agentId, ['target', 'agentId']);
  const callback = current.context.getCallback(view.callbackId);
  if (!callback) throw new IccError('not_found', `Callback ${view.callbackId} is not stored`);

  const receiving: GenesysCallbackRecord = { callbackId: view.callbackId, interactionId: randomUUID(), number: source.record.number, settings, cursor: { offered: 0, resolved: 0 }, agentDialPending: false };
  const [requested, created] = decideCallbackTransfer(view, { callback, target, queue, toInteractionId: receiving.interactionId, now: current.context.clock.now(), vendorRef: conversationId });
  handOver(current, receiving, conversationId, source.record.progress?.offers.length ?? 0);
  const body: Models.TransferRequest = { transferType: 'Attended', ...(userId !== undefined ? { userId } : { queueId: genesysQueueId }) };
  await undoOnFailure(
    () => current.client.replaceParticipant('callbacks', conversationId, offer.participantId, body),
    () => {
      current.works.remove(receiving.interactionId);
      current.works.add(source.record);
    },
  );
  return current.emitter.run(async () => {
    const stored = [...(await current.emitter.store([requested])), ...(await current.emitter.store([created]))];
    const early = receiving.early;
    receiving.early = undefined;
    return [...stored, ...(early ? await current.sync.apply(early) : [])];
  });
}

/**
 * Cancel callback transfer: the transfer's target (the `acd` participant queueing it) is ended with
 * `PATCH …/participants/{id}` `{state: disconnected}` while the sender still owns the callback
 * (Attended). Genesys documents no cancel for callback transfers: this is the simulator's modelling.
 */
export async function cancelGenesysCallbackTransfer(source: CommandTarget): Promise<IccEvent[]> {
  const { current, conversationId } = source;
  const view = source.view();
  const receiving = view.transfer ? current.works.byInteraction(view.transfer.toInteractionId) : undefined;
  const targetParticipantId = receiving?.progress?.queuedParticipantId;
  if (!receiving || targetParticipantId === undefined) throw new IccError('vendor_unavailable', 'Genesys has not queued the transfer yet; try again shortly');
  handOver(current, source.record, conversationId, receiving.progress?.offers.length ?? 0);
  await undoOnFailure(
    () => current.client.patchParticipant('callbacks', conversationId, targetParticipantId, { state: 'disconnected' }),
    () => {
      current.works.add(receiving);
      current.works.link(receiving, conversationId);
    },
  );
  return current.emitter.run(async () => {
    const [cancelled, ...closed] = decideTransferCancel(view, current.interactions.interaction(receiving.interactionId), current.context.clock.now());
    return [...(await current.emitter.store([cancelled])), ...(await current.emitter.store(closed))];
  });
}
