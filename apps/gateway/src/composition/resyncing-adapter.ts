import { IccError, type AdapterContext, type CcaasAdapterV1, type Clock, type Logger } from '@icc/core';
import type { IccEvent } from '@icc/protocol';

const RETRY_MS = 1000;

export interface ResyncingAdapter {
  /** Use this one everywhere: it holds calls while the adapter is being restarted from the store. */
  adapter: CcaasAdapterV1;
  /** The store refused events the adapter had already applied in memory. */
  storeRefused(error: unknown): void;
}

/**
 * When the store refuses an append (disk full, read-only), the adapter has already applied those
 * events in its own memory: the mock vendor would go on routing callbacks nobody acknowledged and
 * every later batch that touches them is refused too, so agents stay reserved forever. The only
 * consistent state is the store's, so the adapter is restarted from it (stop, then start with the
 * store's open interactions), as after a process restart. Until that succeeds, calls answer
 * `503 storage_unavailable`; it is retried on the next call and every second.
 */
export function createResyncingAdapter(
  inner: CcaasAdapterV1,
  options: { context: () => Promise<AdapterContext>; logger: Logger; timerClock: Clock },
): ResyncingAdapter {
  let refusals = 0;
  let syncedThrough = 0;
  let lastRefusal: unknown;
  let resyncing: Promise<void> | undefined;
  let cancelRetry: (() => void) | undefined;
  let stopped = false;

  const inSync = () => syncedThrough === refusals;

  const resync = (): Promise<void> => {
    resyncing ??= (async () => {
      cancelRetry?.();
      cancelRetry = undefined;
      while (!inSync() && !stopped) {
        const target = refusals;
        try {
          await inner.stop();
          await inner.start(await options.context());
          syncedThrough = Math.max(syncedThrough, target);
          options.logger.info({ refusals: target }, 'vendor adapter restarted from the store after a refused write');
        } catch (error) {
          lastRefusal = error;
          options.logger.warn({ err: error }, 'vendor adapter could not be restarted from the store yet');
          cancelRetry = options.timerClock.setTimer(options.timerClock.now() + RETRY_MS, () => void resync());
          return;
        }
      }
    })().finally(() => {
      resyncing = undefined;
    });
    return resyncing;
  };

  const ready = async () => {
    if (inSync()) return;
    await resync();
    if (!inSync()) throw storageUnavailable(lastRefusal);
  };

  const guarded =
    <Args extends unknown[], Result>(call: (...args: Args) => Promise<Result>) =>
    async (...args: Args): Promise<Result> => {
      await ready();
      return call(...args);
    };

  const ingest = inner.ingest?.bind(inner);
  const queuePosition = inner.queuePosition?.bind(inner);
  const queueSettings = inner.queueSettings?.bind(inner);
  const applyQueueConfig = inner.applyQueueConfig?.bind(inner);
  const removeQueue = inner.removeQueue?.bind(inner);
  // Queue changes are already stored: an adapter out of step gets them when it restarts from the store.
  const whenInSync =
    <Args extends unknown[]>(call: (...args: Args) => Promise<IccEvent[]>) =>
    async (...args: Args): Promise<IccEvent[]> =>
      inSync() ? call(...args) : [];
  const adapter: CcaasAdapterV1 = {
    specificationVersion: 'v1',
    vendor: inner.vendor,
    capabilities: inner.capabilities,
    start: (context) => inner.start(context),
    async stop() {
      stopped = true;
      cancelRetry?.();
      await resyncing;
      await inner.stop();
    },
    requestCallback: guarded(inner.requestCallback.bind(inner)),
    updateCallback: guarded(inner.updateCallback.bind(inner)),
    cancelCallback: guarded(inner.cancelCallback.bind(inner)),
    reschedule: guarded(inner.reschedule.bind(inner)),
    setPresence: guarded(inner.setPresence.bind(inner)),
    execute: guarded(inner.execute.bind(inner)),
    ...(ingest ? { ingest: guarded(ingest) } : {}),
    ...(queuePosition ? { queuePosition } : {}),
    ...(queueSettings ? { queueSettings } : {}),
    ...(applyQueueConfig ? { applyQueueConfig: whenInSync(applyQueueConfig) } : {}),
    ...(removeQueue ? { removeQueue: whenInSync(removeQueue) } : {}),
  };

  return {
    adapter,
    storeRefused(error) {
      if (stopped) return;
      refusals += 1;
      lastRefusal = error;
      // A resync that is just finishing may not have seen this refusal: run again after it.
      void (resyncing ?? Promise.resolve()).then(resync);
    },
  };
}

/** The store refused a write for reasons of its own (disk full, connection lost), not because of the request. */
export function isStorageUnavailable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'storage_unavailable';
}

function storageUnavailable(cause: unknown): IccError {
  if (cause instanceof IccError && cause.code === 'storage_unavailable') return cause;
  const failure = new IccError('storage_unavailable', 'The event store refused a write; retry once it accepts writes again');
  failure.cause = cause;
  return failure;
}
