import { createHash, randomUUID } from 'node:crypto';
import type { Callback, CreateCallbackRequest, QueueConfig } from '@icc/protocol';
import { IccError, type AsyncEventStore, type CcaasAdapterV1 } from '@icc/core';
import type { CallbackBooking } from '../capacity/callback-booking';
import type { ReleaseHold } from '../capacity/pending-creations';
import { canonicalJson } from './canonical-json';
import { createKeyedLock } from './keyed-lock';

export interface IntakeResult {
  /**
   * `created` = 201, `replayed` = 200 (same key, same body), `updated` = 200 (the queue's
   * `duplicates.onDuplicate: 'update'` changed the open callback of the same number instead).
   */
  outcome: 'created' | 'replayed' | 'updated';
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

export function createCallbackIntake(store: AsyncEventStore, adapter: CcaasAdapterV1, booking: CallbackBooking): CallbackIntake {
  const lock = createKeyedLock();

  /**
   * Per-number duplicates and slot seats are checked and held in one turn per queue; the append
   * then runs after the turn (when the booking allows it), so the appends of one queue overlap and
   * the store commits them together. The hold counts the creation until its append has settled.
   */
  const createNew = async (request: CreateCallbackRequest, idempotencyKey?: string, requestHash?: string): Promise<IntakeResult> => {
    const queue = (await store.listQueues()).find((candidate) => candidate.id === request.queueId);
    if (!queue) throw new IccError('not_found', `Queue "${request.queueId}" does not exist; GET /v1/queues lists the queues`);
    const callbackId = randomUUID();
    const appendHeld = async (release: ReleaseHold): Promise<IntakeResult> => {
      try {
        return await append(request, callbackId, idempotencyKey, requestHash);
      } finally {
        release();
      }
    };
    const decided = await booking.serialized(queue.id, async (): Promise<IntakeResult | { leftTurn: ReleaseHold }> => {
      const duplicate = await booking.duplicateOf(queue, request.customer.phoneNumbers);
      if (duplicate) return updateDuplicate(duplicate, request, queue);
      const start = request.schedule.type === 'scheduled' ? Date.parse(request.schedule.start) : undefined;
      if (start !== undefined) await booking.assertSeat(queue, start);
      const release = booking.hold(queue.id, { callbackId, phoneNumbers: request.customer.phoneNumbers, ...(start === undefined ? {} : { start }) });
      return booking.creationsLeaveTurn ? { leftTurn: release } : appendHeld(release);
    });
    return 'leftTurn' in decided ? appendHeld(decided.leftTurn) : decided;
  };

  const updateDuplicate = async (existing: Callback, request: CreateCallbackRequest, queue: QueueConfig): Promise<IntakeResult> => {
    await adapter.updateCallback(existing.id, {
      shortDescription: request.shortDescription,
      attributes: { ...existing.attributes, ...request.attributes },
      ...withoutUndefined({ description: request.description, notes: request.notes, caseRef: request.caseRef, accountRef: request.accountRef }),
    });
    const { schedule } = request;
    if (schedule.type === 'scheduled' && (existing.schedule.type !== 'scheduled' || existing.schedule.start !== schedule.start)) {
      await booking.assertSeat(queue, Date.parse(schedule.start), existing.id);
      await adapter.reschedule(existing.id, { start: schedule.start, ...withoutUndefined({ windowEnd: schedule.windowEnd }) }, 'api');
    }
    const callback = await store.getCallback(existing.id);
    if (!callback) throw new IccError('internal_error', `Callback ${existing.number} was not recorded`);
    return { outcome: 'updated', callback };
  };

  const append = async (request: CreateCallbackRequest, callbackId: string, idempotencyKey?: string, requestHash?: string): Promise<IntakeResult> => {
    const identity = {
      callbackId,
      interactionId: randomUUID(),
      number: formatCallbackNumber(await store.nextCallbackNumber()),
      ...(idempotencyKey === undefined ? {} : { idempotencyKey, requestHash }),
    };
    await adapter.requestCallback(request, identity);
    const callback = await store.getCallback(identity.callbackId);
    if (!callback) throw new IccError('internal_error', `Callback ${identity.number} was not recorded`);
    return { outcome: 'created', callback };
  };

  const withoutUndefined = <T extends object>(fields: T): Partial<T> =>
    Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;

  return {
    async create(request, idempotencyKey) {
      if (idempotencyKey === undefined) return createNew(request);
      assertIdempotencyKey(idempotencyKey);
      const requestHash = hashCallbackRequest(request);
      return lock.run(idempotencyKey, async () => {
        const existing = await store.findCallbackByIdempotencyKey(idempotencyKey);
        if (!existing) return createNew(request, idempotencyKey, requestHash);
        if (existing.requestHash !== requestHash) {
          throw new IccError('idempotency_conflict', 'This Idempotency-Key was used with a different request body; use a new key');
        }
        return { outcome: 'replayed' as const, callback: (await store.getCallback(existing.callback.id)) ?? existing.callback };
      });
    },
  };
}
