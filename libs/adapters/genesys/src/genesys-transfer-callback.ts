import { randomUUID } from 'node:crypto';
import { assertTransferTarget, IccError } from '@icc/core';
import type { IccEvent, Interaction, TransferTarget } from '@icc/protocol';
import type { Models } from 'purecloud-platform-client-v2';
import type { Running } from './genesys-adapter-running';
import type { GenesysCallbackBook, GenesysCallbackRecord } from './genesys-callback-record';
import type { GenesysOffer } from './genesys-callback-progress';
import type { GenesysAdapterConfig } from './genesys-config';

export interface CallbackTransferDeps {
  current: Running;
  config: GenesysAdapterConfig;
  book: GenesysCallbackBook;
  armExpiry(current: Running, record: GenesysCallbackRecord): void;
}

type Held = GenesysCallbackRecord & { view: Interaction; conversationId: string };

function unmapped(what: string, id: string, path: string[]): IccError {
  return new IccError('not_found', `${what} ${id} is not mapped to Genesys`, [{ path, message: `Unknown ${what.toLowerCase()}`, code: 'custom' }]);
}

/** From now on the conversation's snapshots (and the callback's commands) belong to `record`; offers so far are history. */
function handOver(book: GenesysCallbackBook, record: GenesysCallbackRecord, conversationId: string, offersSoFar: number): void {
  record.cursor = { offered: offersSoFar, resolved: offersSoFar };
  book.add(record);
  book.linkConversation(record, conversationId);
}

/**
 * Transfer callback before dialing: `POST …/callbacks/{id}/participants/{agent}/replace` with
 * `transferType: Attended` ("the initiating agent maintains ownership of the conversation until the
 * intended recipient accepts the transfer", TransferRequest.md), then `transfer-requested` and the
 * receiving interaction. The receiving record takes the conversation before the request, so a
 * snapshot that beats the answer waits for `interaction.created` (`early`).
 */
export async function transferGenesysCallback(deps: CallbackTransferDeps, source: Held, offer: GenesysOffer, target: TransferTarget): Promise<IccEvent[]> {
  const { current, config, book } = deps;
  assertTransferTarget(source.view, target);
  const queueId = target.kind === 'queue' ? target.queueId : source.view.queueId;
  const genesysQueueId = config.queueMap[queueId];
  const queue = current.context.queues.find((candidate) => candidate.id === queueId);
  const settings = current.settings.get(queueId);
  if (genesysQueueId === undefined || !queue || !settings) throw unmapped('Queue', queueId, ['target', 'queueId']);
  const userId = target.kind === 'agent' ? config.userMap[target.agentId] : undefined;
  if (target.kind === 'agent' && userId === undefined) throw unmapped('Agent', target.agentId, ['target', 'agentId']);
  const callback = current.context.getCallback(source.callbackId);
  if (!callback) throw new IccError('not_found', `Callback ${source.callbackId} is not stored`);

  const receiving: GenesysCallbackRecord = {
    callbackId: source.callbackId,
    interactionId: randomUUID(),
    number: source.number,
    settings,
    conversationId: source.conversationId,
    cursor: { offered: 0, resolved: 0 },
    agentDialPending: false,
  };
  handOver(book, receiving, source.conversationId, source.progress?.offers.length ?? 0);
  const body: Models.TransferRequest = { transferType: 'Attended', ...(userId !== undefined ? { userId } : { queueId: genesysQueueId }) };
  try {
    await current.client.replaceParticipant('callbacks', source.conversationId, offer.participantId, body);
  } catch (error) {
    book.remove(receiving);
    book.add(source);
    throw error;
  }
  const at = new Date(current.context.clock.now()).toISOString();
  return current.queue.run(async () => {
    const requested = await current.sync.store(source, [
      { type: 'interaction.transfer-requested', interactionId: source.interactionId, callbackId: source.callbackId, at, target, toInteractionId: receiving.interactionId },
    ]);
    const created = await current.sync.store(receiving, [
      {
        type: 'interaction.created',
        interactionId: receiving.interactionId,
        callbackId: source.callbackId,
        at,
        callback: { ...callback, queueId, interactionId: receiving.interactionId },
        queueName: queue.name,
        vendor: 'genesys',
        vendorRef: source.conversationId,
        initialState: 'queued',
        transferredFrom: source.interactionId,
      },
    ]);
    deps.armExpiry(current, receiving);
    const early = receiving.early;
    receiving.early = undefined;
    return [...requested, ...created, ...(early ? await current.sync.apply(early) : [])];
  });
}

/**
 * Cancel callback transfer: the transfer's target (the `acd` participant queueing it) is ended with
 * `PATCH …/participants/{id}` `{state: disconnected}` while the sender still owns the callback
 * (Attended). Genesys documents no cancel for callback transfers: this is the simulator's modelling.
 */
export async function cancelGenesysCallbackTransfer(deps: CallbackTransferDeps, source: Held): Promise<IccEvent[]> {
  const { current, book } = deps;
  const receiving = source.view.transfer ? book.byInteraction(source.view.transfer.toInteractionId) : undefined;
  const targetParticipantId = receiving?.progress?.queuedParticipantId;
  if (!receiving || targetParticipantId === undefined) {
    throw new IccError('vendor_unavailable', 'Genesys has not queued the transfer yet; try again shortly');
  }
  handOver(book, source, source.conversationId, receiving.progress?.offers.length ?? 0);
  try {
    await current.client.patchParticipant('callbacks', source.conversationId, targetParticipantId, { state: 'disconnected' });
  } catch (error) {
    book.add(receiving);
    book.linkConversation(receiving, source.conversationId);
    throw error;
  }
  const at = new Date(current.context.clock.now()).toISOString();
  return current.queue.run(async () => [
    ...(await current.sync.store(source, [{ type: 'interaction.transfer-cancelled', interactionId: source.interactionId, callbackId: source.callbackId, at, queueId: source.view.queueId }])),
    ...(receiving.view && receiving.view.state !== 'closed'
      ? await current.sync.store(receiving, [
          { type: 'interaction.closed', interactionId: receiving.interactionId, callbackId: receiving.callbackId, at, outcome: 'cancelled', by: 'agent', detail: 'Transfer cancelled by the sending agent' },
        ])
      : []),
  ]);
}
