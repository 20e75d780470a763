import { createHash, randomUUID } from 'node:crypto';
import type { Callback, CreateCallbackRequest } from '@icc/protocol';
import { IccError, type CcaasAdapterV1, type EventStore } from '@icc/core';
import { canonicalJson } from './canonical-json';
import { createKeyedLock } from './keyed-lock';

export interface IntakeResult {
  /** `created` = 201, `replayed` = 200 (same key, same body). */
  outcome: 'created' | 'replayed';
  callback: Callback;
}

/** The one code path that creates callbacks: public REST intake and demo traffic both use it. */
export interface CallbackIntake {
  create(request: CreateCallbackRequest, idempotencyKey?: string): Promise<IntakeResult>;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export function assertIdempotencyKey(key: string): void {
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new IccError('idempotency_key_invalid', 'Idempotency-Key must be 1-255 printable ASCII characters without spaces');
  }
}

export function formatCallbackNumber(sequence: number): string {
  return `CB${String(sequence).padStart(7, '0')}`;
}

/** sha256 of the canonical JSON of the parsed request (defaults applied, key order ignored). */
export function hashCallbackRequest(request: CreateCallbackRequest): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

export function createCallbackIntake(store: EventStore, adapter: CcaasAdapterV1): CallbackIntake {
  const lock = createKeyedLock();

  const createNew = async (request: CreateCallbackRequest, idempotencyKey?: string, requestHash?: string) => {
    if (!store.listQueues().some((queue) => queue.id === request.queueId)) {
      throw new IccError('not_found', `Queue "${request.queueId}" does not exist; GET /v1/queues lists the queues`);
    }
    const identity = {
      callbackId: randomUUID(),
      interactionId: randomUUID(),
      number: formatCallbackNumber(await store.nextCallbackNumber()),
      ...(idempotencyKey === undefined ? {} : { idempotencyKey, requestHash }),
    };
    await adapter.requestCallback(request, identity);
    const callback = store.getCallback(identity.callbackId);
    if (!callback) throw new IccError('internal_error', `Callback ${identity.number} was not recorded`);
    return { outcome: 'created' as const, callback };
  };

  return {
    create(request, idempotencyKey) {
      if (idempotencyKey === undefined) return createNew(request);
      assertIdempotencyKey(idempotencyKey);
      const requestHash = hashCallbackRequest(request);
      return lock.run(idempotencyKey, async () => {
        const existing = store.findCallbackByIdempotencyKey(idempotencyKey);
        if (!existing) return createNew(request, idempotencyKey, requestHash);
        if (existing.requestHash !== requestHash) {
          throw new IccError('idempotency_conflict', 'This Idempotency-Key was used with a different request body; use a new key');
        }
        return { outcome: 'replayed' as const, callback: store.getCallback(existing.callback.id) ?? existing.callback };
      });
    },
  };
}
