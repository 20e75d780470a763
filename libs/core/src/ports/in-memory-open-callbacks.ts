import { comparableNumbers, type OpenCallbackEntry, type ScheduledStart } from './open-callbacks';

/** The open-callback read model in memory: entries by callback, ids by (queue, number), starts by queue. */
export function createInMemoryOpenCallbacks() {
  const entries = new Map<string, OpenCallbackEntry>();
  const byQueueNumber = new Map<string, Set<string>>();
  const startsByQueue = new Map<string, Map<string, number>>();
  const key = (queueId: string, number: string) => `${queueId}\u0000${number}`;

  const remove = (callbackId: string) => {
    const entry = entries.get(callbackId);
    if (!entry) return;
    entries.delete(callbackId);
    for (const number of entry.numbers) byQueueNumber.get(key(entry.queueId, number))?.delete(callbackId);
    startsByQueue.get(entry.queueId)?.delete(callbackId);
  };

  const add = (callbackId: string, entry: OpenCallbackEntry) => {
    entries.set(callbackId, entry);
    for (const number of entry.numbers) {
      const ids = byQueueNumber.get(key(entry.queueId, number));
      if (ids) ids.add(callbackId);
      else byQueueNumber.set(key(entry.queueId, number), new Set([callbackId]));
    }
    if (entry.startMs === undefined) return;
    const starts = startsByQueue.get(entry.queueId);
    if (starts) starts.set(callbackId, entry.startMs);
    else startsByQueue.set(entry.queueId, new Map([[callbackId, entry.startMs]]));
  };

  return {
    apply(changes: ReadonlyMap<string, OpenCallbackEntry | null>): void {
      for (const [callbackId, entry] of changes) {
        remove(callbackId);
        if (entry) add(callbackId, entry);
      }
    },
    /** Ids of the queue's open callbacks with one of the numbers, each once. */
    withNumbers(queueId: string, phoneNumbers: readonly string[]): string[] {
      const ids = new Set<string>();
      for (const number of comparableNumbers(phoneNumbers)) for (const id of byQueueNumber.get(key(queueId, number)) ?? []) ids.add(id);
      return [...ids];
    },
    scheduledStarts(queueId: string): ScheduledStart[] {
      return [...(startsByQueue.get(queueId) ?? [])]
        .map(([callbackId, startMs]) => ({ callbackId, startMs }))
        .sort((a, b) => a.startMs - b.startMs || (a.callbackId < b.callbackId ? -1 : a.callbackId > b.callbackId ? 1 : 0));
    },
  };
}
