import type { Callback, Interaction, RoutingMode } from '@icc/protocol';

/** What a refused command needs of an interaction the engine closed and forgot. */
export interface ClosedInteraction {
  readonly agentId: string | undefined;
  readonly mode: RoutingMode;
}

/** What idempotency and refusals need of a callback the engine closed and forgot. */
export interface ClosedCallback {
  readonly number: string;
  readonly mode: RoutingMode;
}

/**
 * The engine's memory of its latest closings, in place of the views it forgot. Bounded: past
 * `limit`, the oldest record goes.
 */
export interface ClosedRecords {
  rememberInteraction(interaction: Interaction): void;
  rememberCallback(callback: Callback): void;
  interaction(interactionId: string): ClosedInteraction | undefined;
  callback(callbackId: string): ClosedCallback | undefined;
  readonly size: { interactions: number; callbacks: number };
}

export function createClosedRecords(limit: number): ClosedRecords {
  const interactions = new Map<string, ClosedInteraction>();
  const callbacks = new Map<string, ClosedCallback>();
  // One record per (mode, agent), shared: a closed interaction costs little more than its id.
  const sharedRecords = new Map<string, ClosedInteraction>();

  const sharedRecord = (agentId: string | undefined, mode: RoutingMode): ClosedInteraction => {
    const key = `${mode}:${agentId ?? ''}`;
    let record = sharedRecords.get(key);
    if (!record) sharedRecords.set(key, (record = Object.freeze({ agentId, mode })));
    return record;
  };

  return {
    rememberInteraction: (interaction) =>
      rememberWithin(limit, interactions, interaction.id, sharedRecord(interaction.agentId, interaction.mode)),
    rememberCallback: (callback) => rememberWithin(limit, callbacks, callback.id, { number: callback.number, mode: callback.mode }),
    interaction: (interactionId) => interactions.get(interactionId),
    callback: (callbackId) => callbacks.get(callbackId),
    get size() {
      return { interactions: interactions.size, callbacks: callbacks.size };
    },
  };
}

/** A Map iterates in insertion order, so its first key is the oldest record. */
function rememberWithin<Entry>(limit: number, records: Map<string, Entry>, id: string, record: Entry): void {
  records.set(id, record);
  if (records.size > limit) records.delete(records.keys().next().value as string);
}
