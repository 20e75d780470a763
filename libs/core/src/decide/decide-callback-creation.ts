import type { AdapterCapabilities, Callback, CreateCallbackRequest, QueueConfig } from '@icc/protocol';
import type { NewCallbackIdentity } from '../ports/ccaas-adapter';
import { callbackRefusals } from './callback-refusals';
import { isoAt, type DecidedEvent } from './decided-event';
import { assertWaitingSince } from './place-in-line';
import { assertMayKeep } from './assert-may-keep';

export interface CallbackCreationCommand {
  request: CreateCallbackRequest;
  identity: NewCallbackIdentity;
  /** The ICC queue the request names; undefined when there is none (refused as `not_found`). */
  queue: Pick<QueueConfig, 'id' | 'name' | 'defaultMode' | 'retryPolicy' | 'version' | 'closingReasons'> | undefined;
  capabilities: Pick<AdapterCapabilities, 'modes' | 'scheduled' | 'keepsPlace' | 'keptCallbacks' | 'reasons'>;
  vendor: string;
  now: number;
}

export interface CallbackCreation {
  callback: Callback;
  created: DecidedEvent<'interaction.created'>;
}

/**
 * A new callback from a request: the queue's defaults applied (mode, retry policy), `scheduled`
 * when its start is still ahead, otherwise straight into the queue. Refuses an unknown queue, a
 * mode or a scheduled start the vendor cannot do, and an expire time that has already passed.
 */
export function decideCallbackCreation({ request, identity, queue, capabilities, vendor, now }: CallbackCreationCommand): CallbackCreation {
  if (!queue) throw callbackRefusals.unknownQueue(request.queueId);
  const mode = request.mode ?? queue.defaultMode;
  if (!capabilities.modes.includes(mode)) throw callbackRefusals.modeUnsupported(mode);
  if (request.schedule.type === 'scheduled' && !capabilities.scheduled) throw callbackRefusals.scheduledUnsupported();
  if (request.expireAt !== undefined && Date.parse(request.expireAt) <= now) throw callbackRefusals.expireAtNotInFuture();
  if (request.waitingSince !== undefined && capabilities.keepsPlace !== true) throw callbackRefusals.keepsPlaceUnsupported();
  assertWaitingSince(request.waitingSince, now);
  assertMayKeep(request.assignedAgentId, capabilities);

  const callback: Callback = {
    ...request,
    id: identity.callbackId,
    number: identity.number,
    mode,
    retryPolicy: request.retryPolicy ?? queue.retryPolicy,
    ...(queue.version !== undefined ? { queueConfigVersion: queue.version } : {}),
    requestedAt: isoAt(now),
    state: 'pending',
    interactionId: identity.interactionId,
    attempts: 0,
    ...(identity.idempotencyKey !== undefined ? { idempotencyKey: identity.idempotencyKey } : {}),
  };
  const start = request.schedule.type === 'scheduled' ? Date.parse(request.schedule.start) : undefined;
  const created: DecidedEvent<'interaction.created'> = {
    type: 'interaction.created',
    interactionId: identity.interactionId,
    callbackId: callback.id,
    at: isoAt(now),
    callback,
    queueName: queue.name,
    ...queueConfigStamp(queue),
    vendor,
    initialState: start !== undefined && start > now ? 'scheduled' : 'queued',
    ...(request.schedule.type === 'scheduled' ? { scheduledAt: request.schedule.start } : {}),
    ...(identity.requestHash !== undefined ? { requestHash: identity.requestHash } : {}),
  };
  return { callback, created };
}

/**
 * The idempotency rule of `CcaasAdapterV1.requestCallback`: true when `known` (the callback
 * already stored under the identity's callbackId, if any) is this very request again, so nothing
 * new happens; a different request under a known callbackId is refused as `idempotency_conflict`.
 */
export function isRetriedRequest(known: Pick<Callback, 'number'> | undefined, identity: NewCallbackIdentity): boolean {
  if (!known) return false;
  if (known.number === identity.number) return true;
  throw callbackRefusals.idempotencyConflict(identity.callbackId, known.number);
}

/** What an interaction keeps of the queue version it starts under (`interaction.created` fields). */
export function queueConfigStamp(queue: Pick<QueueConfig, 'version' | 'closingReasons'>): { queueConfigVersion?: number; closingReasons?: string[] } {
  return {
    ...(queue.version !== undefined ? { queueConfigVersion: queue.version } : {}),
    ...(queue.closingReasons !== undefined ? { closingReasons: [...queue.closingReasons] } : {}),
  };
}
