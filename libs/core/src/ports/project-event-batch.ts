import type { Callback, IccEvent, Interaction, MissedOffer, NewIccEvent } from '@icc/protocol';
import { isInteractionEvent } from '@icc/protocol';
import { IccError } from '../errors';
import { reduceCallback } from '../state-machine/reduce-callback';
import { reduceInteraction } from '../state-machine/reduce-interaction';
import { nextAgentPresence, type AgentPresence } from './agent-presence';
import { missedOfferOf } from './missed-offers';
import { openCallbackChanges, type OpenCallbackEntry } from './open-callbacks';

/** The create request an idempotency key was first used with. */
export interface IdempotencyRecord {
  callbackId: string;
  requestHash: string;
}

/** Read models as a store holds them before a batch; the fold reads through these. */
export interface ProjectionLookup {
  interaction(interactionId: string): Interaction | undefined;
  callback(callbackId: string): Callback | undefined;
  agentPresence(agentId: string): AgentPresence | undefined;
  callbackIdByNumber(number: string): string | undefined;
  idempotencyRecord(key: string): IdempotencyRecord | undefined;
}

/** A batch with its `seq`s and every read model it changed (final values only). */
export interface ProjectedBatch {
  events: IccEvent[];
  interactions: Map<string, Interaction>;
  callbacks: Map<string, Callback>;
  agentPresences: Map<string, AgentPresence>;
  idempotencyRecords: Map<string, IdempotencyRecord>;
  /** Offers missed or rejected in this batch, oldest first. */
  missedOffers: MissedOffer[];
  /** Open-callback entries the batch changed: the new entry, or null when the callback closed (`openCallbackChanges`). */
  openCallbacks: Map<string, OpenCallbackEntry | null>;
}

/**
 * Numbers a batch from `firstSeq` and folds it into the read models with the core reducers.
 * Pure: throws (`InvalidTransitionError`, `IccError`) before anything is kept, so a store that
 * persists only the result appends all of a batch or nothing. Shared by every `EventStore`.
 */
export function projectEventBatch(lookup: ProjectionLookup, events: readonly NewIccEvent[], firstSeq: number): ProjectedBatch {
  const batch = foldEventBatch(lookup, events, firstSeq);
  batch.openCallbacks = openCallbackChanges(lookup, batch.interactions, batch.callbacks);
  return batch;
}

export function emptyProjectedBatch(): ProjectedBatch {
  return {
    events: [],
    interactions: new Map(),
    callbacks: new Map(),
    agentPresences: new Map(),
    idempotencyRecords: new Map(),
    missedOffers: [],
    openCallbacks: new Map(),
  };
}

/** `projectEventBatch` without the open-callback entries (left empty). */
export function foldEventBatch(lookup: ProjectionLookup, events: readonly NewIccEvent[], firstSeq: number): ProjectedBatch {
  const batch = emptyProjectedBatch();
  const numbers = new Map<string, string>();
  const callbackOf = (id: string) => batch.callbacks.get(id) ?? lookup.callback(id);

  events.forEach((event, index) => {
    const sequenced = { ...event, seq: firstSeq + index } as IccEvent;
    batch.events.push(sequenced);
    if (!isInteractionEvent(sequenced)) {
      const previous = batch.agentPresences.get(sequenced.agentId) ?? lookup.agentPresence(sequenced.agentId);
      batch.agentPresences.set(sequenced.agentId, nextAgentPresence(previous, sequenced));
      return;
    }
    const current = batch.interactions.get(sequenced.interactionId) ?? lookup.interaction(sequenced.interactionId);
    const interaction = reduceInteraction(current, sequenced);
    const missed = missedOfferOf(sequenced, current);
    if (missed) batch.missedOffers.push(missed);
    if (interaction.callbackId !== sequenced.callbackId) {
      throw new IccError(
        'validation_failed',
        `Event ${sequenced.type} names callback ${sequenced.callbackId} but interaction ${interaction.id} carries ${interaction.callbackId}`,
      );
    }
    batch.interactions.set(interaction.id, interaction);
    if (sequenced.type === 'interaction.created') {
      const { callback } = sequenced;
      const holder = numbers.get(callback.number) ?? lookup.callbackIdByNumber(callback.number);
      if (holder !== undefined && holder !== callback.id) {
        throw new IccError('validation_failed', `Callback number ${callback.number} already belongs to callback ${holder}`);
      }
      numbers.set(callback.number, callback.id);
      if (callback.idempotencyKey !== undefined) {
        const key = callback.idempotencyKey;
        const record = batch.idempotencyRecords.get(key) ?? lookup.idempotencyRecord(key);
        if (record && record.callbackId !== callback.id) {
          throw new IccError('idempotency_conflict', `Idempotency key is already used by callback ${record.callbackId}`);
        }
        if (!record) batch.idempotencyRecords.set(key, { callbackId: callback.id, requestHash: sequenced.requestHash ?? '' });
      }
    }
    const before = callbackOf(sequenced.callbackId);
    const callback = reduceCallback(before, sequenced);
    // reduceCallback returns its input when nothing changed (call flags): nothing to write.
    if (callback && callback !== before) batch.callbacks.set(callback.id, callback);
  });
  return batch;
}
