import { reduceCallback, type AsyncEventStore, type EventStore, type Logger } from '@icc/core';
import type { Callback, Interaction, InteractionEvent, QueueConfig } from '@icc/protocol';

/**
 * What an adapter reads from the store while it runs: `AdapterContext.getCallback` and
 * `queueVersion` answer synchronously (a vendor decides inside one turn), which a networked store
 * cannot. A store whose reads answer at once is asked directly; for one that answers with promises
 * the gateway keeps the callbacks and queue versions the adapter can need in memory.
 */
export interface AdapterStoreReads {
  /** Before every adapter start: loads what the open interactions it is handed refer to. */
  prepare(openInteractions: readonly Interaction[]): Promise<void>;
  getCallback(callbackId: string): Callback | undefined;
  queueVersion(queueId: string, version: number): QueueConfig | undefined;
  /** An interaction event was published (in `seq` order): its callback's stored state moved on. */
  changed(event: InteractionEvent): void;
}

/** Callbacks kept for an asynchronous store: the open ones and the most recently changed closed ones. */
export const REMEMBERED_CALLBACKS = 20_000;

/** Whether the store answers its reads at once (SQLite, in memory) rather than with promises (PostgreSQL). */
export function isSynchronousStore(store: EventStore | AsyncEventStore): store is EventStore {
  const head: unknown = store.headSeq();
  if (head instanceof Promise) head.catch(() => undefined);
  return typeof head === 'number';
}

export function createAdapterStoreReads(store: EventStore | AsyncEventStore, asyncStore: AsyncEventStore, logger: Logger): AdapterStoreReads {
  if (isSynchronousStore(store)) return synchronousReads(store);
  return rememberedReads(asyncStore, logger);
}

function synchronousReads(store: EventStore): AdapterStoreReads {
  return {
    prepare: async () => undefined,
    // The store also finds a callback by its number (`CB0000123`); an adapter asks by id only.
    getCallback: (callbackId) => {
      const callback = store.getCallback(callbackId);
      return callback?.id === callbackId ? callback : undefined;
    },
    queueVersion: (queueId, version) => store.getQueue(queueId, version),
    changed: () => undefined,
  };
}

function rememberedReads(store: AsyncEventStore, logger: Logger): AdapterStoreReads {
  const callbacks = new Map<string, Callback>();
  const queueVersions = new Map<string, QueueConfig>();
  const stale = new Set<string>();
  let refreshing: Promise<void> = Promise.resolve();

  const remember = (callback: Callback) => {
    callbacks.delete(callback.id);
    callbacks.set(callback.id, callback);
    if (callbacks.size > REMEMBERED_CALLBACKS) {
      const oldest = callbacks.keys().next().value;
      if (oldest !== undefined) callbacks.delete(oldest);
    }
  };
  const load = async (callbackId: string) => {
    const callback = await store.getCallback(callbackId);
    if (callback?.id === callbackId) remember(callback);
  };
  const refreshStale = async () => {
    for (const callbackId of stale) {
      stale.delete(callbackId);
      await load(callbackId).catch((error: unknown) => logger.warn({ err: error, callbackId }, 'could not refresh a callback the adapter may ask for'));
    }
  };
  const versionKey = (queueId: string, version: number) => `${queueId}\u0000${version}`;

  return {
    async prepare(openInteractions) {
      await Promise.all(
        openInteractions.map(async (interaction) => {
          await load(interaction.callbackId);
          const version = interaction.queueConfigVersion;
          if (version === undefined) return;
          const config = await store.getQueue(interaction.queueId, version);
          if (config) queueVersions.set(versionKey(interaction.queueId, version), config);
        }),
      );
    },
    getCallback: (callbackId) => callbacks.get(callbackId),
    queueVersion: (queueId, version) => queueVersions.get(versionKey(queueId, version)),
    changed(event) {
      const { callbackId } = event;
      // A read is queued: it finds what this event did.
      if (stale.has(callbackId)) return;
      const known = callbacks.get(callbackId);
      // Folded in memory with the reducer the store's callback read model is made by, so no read per
      // event; a callback not in memory (or handed over by a transfer) is read once.
      if (known || (event.type === 'interaction.created' && event.transferredFrom === undefined)) {
        const folded = reduceCallback(known, event);
        if (folded) remember(folded);
        return;
      }
      stale.add(callbackId);
      refreshing = refreshing.then(refreshStale);
    },
  };
}
