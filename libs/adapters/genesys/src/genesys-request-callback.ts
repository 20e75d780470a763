import { AdapterError, IccError, type NewCallbackIdentity } from '@icc/core';
import type { Callback, CreateCallbackRequest, IccEvent } from '@icc/protocol';
import { convertToGenesysCallback } from './genesys-convert-callback';
import type { Running } from './genesys-adapter-running';
import type { GenesysCallbackBook, GenesysCallbackRecord } from './genesys-callback-record';
import type { GenesysConversation } from './genesys-schemas';
import type { GenesysAdapterConfig } from './genesys-config';

export interface RequestCallbackDeps {
  current: Running;
  config: GenesysAdapterConfig;
  book: GenesysCallbackBook;
  armExpiry(current: Running, record: GenesysCallbackRecord): void;
}

/** A failure after which Genesys may still have created the callback: no answer, a 5xx other than 503, or a 2xx we could not read. */
function mayHaveReachedGenesys(error: unknown): boolean {
  if (!(error instanceof AdapterError) || error.vendorStatus === undefined) return true;
  const status = error.vendorStatus;
  return (status >= 200 && status < 300) || (status >= 500 && status !== 503);
}

/**
 * `POST /api/v2/conversations/callbacks`, then `interaction.created`. The record exists before the
 * request is sent, so a notification that beats the response is kept (`early`) and applied right
 * after the created event, never before it.
 */
export async function requestGenesysCallback(
  deps: RequestCallbackDeps,
  request: CreateCallbackRequest,
  identity: NewCallbackIdentity,
): Promise<IccEvent[]> {
  const { current, config, book, armExpiry } = deps;
  // A closed callback is forgotten by the adapter; the gateway's store still has it.
  const known = book.byCallback(identity.callbackId) ?? current.context.getCallback(identity.callbackId);
  if (known) {
    if (known.number === identity.number) return [];
    throw new IccError('idempotency_conflict', `Callback ${identity.callbackId} already exists as ${known.number}; a different request needs a new callbackId`);
  }
  const queue = current.context.queues.find((candidate) => candidate.id === request.queueId);
  const genesysQueueId = config.queueMap[request.queueId];
  const settings = current.settings.get(request.queueId);
  if (!queue || genesysQueueId === undefined || !settings) {
    throw new IccError('not_found', `Queue ${request.queueId} is not mapped to a Genesys queue; add it to queueMap`, [
      { path: ['queueId'], message: 'Unknown queue', code: 'custom' },
    ]);
  }
  if (request.mode !== undefined && request.mode !== settings.mode) {
    throw new IccError('capability_unsupported', `The Genesys queue routes ${settings.mode} callbacks; Genesys sets the mode per queue`);
  }
  const now = current.context.clock.now();
  if (request.expireAt !== undefined && Date.parse(request.expireAt) <= now) {
    throw new IccError('validation_failed', 'expireAt is in the past', [{ path: ['expireAt'], message: 'Must be in the future', code: 'custom' }]);
  }
  const record: GenesysCallbackRecord = {
    callbackId: identity.callbackId,
    interactionId: identity.interactionId,
    number: identity.number,
    settings,
    cursor: { offered: 0, resolved: 0 },
    agentDialPending: false,
  };
  book.add(record);
  let conversationId: string;
  try {
    const body = convertToGenesysCallback(request, identity, {
      genesysQueueId,
      now,
      scriptId: config.scriptId,
      skillMap: config.skillMap,
      languageMap: config.languageMap,
      userMap: config.userMap,
    });
    conversationId = (await current.client.createCallback(body)).conversation.id;
  } catch (error) {
    book.remove(record);
    if (mayHaveReachedGenesys(error)) {
      book.abandon(identity.interactionId);
      if (record.early) void current.queue.run(() => current.sync.apply(record.early as GenesysConversation));
    }
    throw error;
  }
  book.linkConversation(record, conversationId);
  const callback: Callback = {
    ...request,
    id: identity.callbackId,
    number: identity.number,
    mode: settings.mode,
    retryPolicy: settings.mode === 'customer-first' ? settings.retryPolicy : request.retryPolicy ?? queue.retryPolicy,
    requestedAt: new Date(now).toISOString(),
    state: 'pending',
    interactionId: identity.interactionId,
    attempts: 0,
    ...(identity.idempotencyKey !== undefined ? { idempotencyKey: identity.idempotencyKey } : {}),
  };
  const scheduled = request.schedule.type === 'scheduled' ? request.schedule.start : undefined;
  return current.queue.run(async () => {
    const stored = await current.sync.store(record, [
      {
        type: 'interaction.created',
        interactionId: identity.interactionId,
        callbackId: identity.callbackId,
        at: new Date(now).toISOString(),
        callback,
        queueName: queue.name,
        vendor: 'genesys',
        vendorRef: conversationId,
        initialState: scheduled !== undefined && Date.parse(scheduled) > now ? 'scheduled' : 'queued',
        ...(scheduled !== undefined ? { scheduledAt: scheduled } : {}),
        ...(identity.requestHash !== undefined ? { requestHash: identity.requestHash } : {}),
      },
    ]);
    armExpiry(current, record);
    const early = record.early;
    record.early = undefined;
    return early ? [...stored, ...(await current.sync.apply(early))] : stored;
  });
}
