import type { IccEvent, NewIccEvent } from '@icc/protocol';
import { openCallbackChanges } from './open-callbacks';
import { emptyProjectedBatch, foldEventBatch, type ProjectedBatch, type ProjectionLookup } from './project-event-batch';

/** What one append of a group came to: its numbered events, or why it was refused (nothing of it kept). */
export type AppendOutcome = { ok: true; events: IccEvent[] } | { ok: false; error: unknown };

export interface ProjectedAppendGroup {
  /** Every accepted append's events and read-model changes, as one batch to write in one transaction. */
  batch: ProjectedBatch;
  /** One per append, in order. */
  outcomes: AppendOutcome[];
}

/**
 * Folds several appends that will commit together (group commit), in order, each as if it had
 * been appended alone right after the ones before it: each sees the read models as the earlier
 * accepted appends of the group left them, and one that the fold refuses (`InvalidTransitionError`,
 * `IccError`) is left out whole, its `seq`s not used, without affecting the others.
 */
export function projectAppendGroup(lookup: ProjectionLookup, appends: readonly (readonly NewIccEvent[])[], firstSeq: number): ProjectedAppendGroup {
  const group = emptyProjectedBatch();
  const numberHolders = new Map<string, string>();
  const afterEarlierAppends: ProjectionLookup = {
    interaction: (id) => group.interactions.get(id) ?? lookup.interaction(id),
    callback: (id) => group.callbacks.get(id) ?? lookup.callback(id),
    agentPresence: (id) => group.agentPresences.get(id) ?? lookup.agentPresence(id),
    callbackIdByNumber: (number) => numberHolders.get(number) ?? lookup.callbackIdByNumber(number),
    idempotencyRecord: (key) => group.idempotencyRecords.get(key) ?? lookup.idempotencyRecord(key),
  };
  const outcomes = appends.map((events): AppendOutcome => {
    let batch: ProjectedBatch;
    try {
      batch = foldEventBatch(afterEarlierAppends, events, firstSeq + group.events.length);
    } catch (error) {
      return { ok: false, error };
    }
    mergeInto(group, batch);
    for (const event of batch.events) if (event.type === 'interaction.created') numberHolders.set(event.callback.number, event.callback.id);
    return { ok: true, events: batch.events };
  });
  // Against the read models before the group: the entries it changes, whichever append changed them.
  group.openCallbacks = openCallbackChanges(lookup, group.interactions, group.callbacks);
  return { batch: group, outcomes };
}

function mergeInto(group: ProjectedBatch, batch: ProjectedBatch): void {
  group.events.push(...batch.events);
  for (const [id, interaction] of batch.interactions) group.interactions.set(id, interaction);
  for (const [id, callback] of batch.callbacks) group.callbacks.set(id, callback);
  for (const [id, presence] of batch.agentPresences) group.agentPresences.set(id, presence);
  for (const [key, record] of batch.idempotencyRecords) group.idempotencyRecords.set(key, record);
  group.missedOffers.push(...batch.missedOffers);
}
