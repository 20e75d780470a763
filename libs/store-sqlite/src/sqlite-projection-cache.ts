import type { AgentPresence, IdempotencyRecord, ProjectedBatch, ProjectionLookup } from '@icc/core';
import type { Callback, Interaction, Presence } from '@icc/protocol';
import { createLruCache } from './lru-cache';
import type { AgentPresenceRow, SqliteStatements } from './sqlite-statements';

/**
 * Parsed read models in front of the tables, so hot paths skip `JSON.parse`. Changes of a
 * transaction in progress are staged and reach the cache only when it commits; a rollback
 * drops them, so the cache never shows what the disk does not hold.
 */
export interface SqliteProjectionCache extends ProjectionLookup {
  /** The parsed value of a row already read, else the row's own body parsed (no extra query). */
  interactionFromRow(row: { id: string; body: string }): Interaction;
  callbackFromRow(row: { id: string; body: string }): Callback;
  stage(batch: ProjectedBatch): void;
  commitStaged(): void;
  dropStaged(): void;
  clear(): void;
}

export function createSqliteProjectionCache(statements: SqliteStatements, capacity: number): SqliteProjectionCache {
  const interactions = createLruCache<Interaction>(capacity);
  const callbacks = createLruCache<Callback>(capacity);
  let stagedInteractions = new Map<string, Interaction>();
  let stagedCallbacks = new Map<string, Callback>();
  // Staged rows may not be written yet (group commit writes a group's rows together before COMMIT):
  // what the fold looks up by query is answered from them first.
  let stagedPresences = new Map<string, AgentPresence>();
  let stagedNumbers = new Map<string, string>();
  let stagedIdempotency = new Map<string, IdempotencyRecord>();
  const forgetStaged = () => {
    stagedInteractions = new Map();
    stagedCallbacks = new Map();
    stagedPresences = new Map();
    stagedNumbers = new Map();
    stagedIdempotency = new Map();
  };

  return {
    interaction(id) {
      const known = stagedInteractions.get(id) ?? interactions.get(id);
      if (known) return known;
      const row = statements.interactionBody.get(id);
      if (!row) return undefined;
      const parsed = JSON.parse(row.body) as Interaction;
      interactions.set(id, parsed);
      return parsed;
    },
    callback(id) {
      const known = stagedCallbacks.get(id) ?? callbacks.get(id);
      if (known) return known;
      const row = statements.callbackBody.get(id);
      if (!row) return undefined;
      const parsed = JSON.parse(row.body) as Callback;
      callbacks.set(id, parsed);
      return parsed;
    },
    interactionFromRow: (row) => stagedInteractions.get(row.id) ?? interactions.get(row.id) ?? (JSON.parse(row.body) as Interaction),
    callbackFromRow: (row) => stagedCallbacks.get(row.id) ?? callbacks.get(row.id) ?? (JSON.parse(row.body) as Callback),
    agentPresence: (id) => stagedPresences.get(id) ?? toAgentPresence(statements.agentPresence.get(id)),
    callbackIdByNumber: (number) => stagedNumbers.get(number) ?? statements.callbackIdByNumber.get(number)?.id,
    idempotencyRecord(key) {
      const staged = stagedIdempotency.get(key);
      if (staged) return staged;
      const row = statements.callbackByIdempotencyKey.get(key);
      return row ? { callbackId: row.id, requestHash: row.request_hash ?? '' } : undefined;
    },
    stage(batch) {
      for (const [id, interaction] of batch.interactions) stagedInteractions.set(id, interaction);
      for (const [id, callback] of batch.callbacks) {
        stagedCallbacks.set(id, callback);
        stagedNumbers.set(callback.number, id);
      }
      for (const [id, presence] of batch.agentPresences) stagedPresences.set(id, presence);
      for (const [key, record] of batch.idempotencyRecords) stagedIdempotency.set(key, record);
    },
    commitStaged() {
      for (const [id, interaction] of stagedInteractions) interactions.set(id, interaction);
      for (const [id, callback] of stagedCallbacks) callbacks.set(id, callback);
      forgetStaged();
    },
    dropStaged: forgetStaged,
    clear() {
      interactions.clear();
      callbacks.clear();
      forgetStaged();
    },
  };
}

/** Presence columns as the fold sees them; an agent never seen in an event has none. */
export function toAgentPresence(row: AgentPresenceRow | undefined): AgentPresence | undefined {
  if (!row || row.presence_seq === null) return undefined;
  const presence: AgentPresence = { presence: row.presence as Presence };
  if (row.available_since !== null) presence.availableSince = row.available_since;
  if (row.presence_since !== null) presence.since = row.presence_since;
  if (row.chosen_presence !== null) presence.chosen = row.chosen_presence as Presence;
  return presence;
}
