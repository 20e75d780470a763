import { IccError, type Logger } from '@icc/core';
import type { GenesysCallbackBook } from './genesys-callback-record';
import type { GenesysClient } from './genesys-client';

export interface GenesysQueuePositionDeps {
  book: GenesysCallbackBook;
  queueMap: Readonly<Record<string, string>>;
  /** The started adapter's client and clock; undefined when stopped. */
  running(): { client: GenesysClient; now(): number; logger: Logger } | undefined;
  /** One estimate per queue is read at most this often, however many callers ask. */
  refreshAfterMs: number;
}

interface Estimate {
  readAt: number;
  seconds: number | null;
  reading?: Promise<void>;
}

/**
 * `queuePosition` for Genesys: the estimated wait of the callback's queue from
 * `GET /api/v2/routing/queues/{queueId}/mediatypes/callback/estimatedwaittime` (the first
 * `results[].estimatedWaitTimeSeconds`), and the callback's rank among the adapter's queued
 * callbacks of that queue, oldest request first (Genesys publishes no position for a callback).
 * The port answers synchronously, so the estimate is the last one read; a stale or missing one
 * is read again in the background and shows on the next ask.
 */
export function createGenesysQueuePosition(deps: GenesysQueuePositionDeps) {
  const estimates = new Map<string, Estimate>();

  const refresh = (genesysQueueId: string, estimate: Estimate | undefined) => {
    const current = deps.running();
    if (!current || estimate?.reading || (estimate && current.now() - estimate.readAt < deps.refreshAfterMs)) return;
    const next: Estimate = { readAt: estimate?.readAt ?? Number.NEGATIVE_INFINITY, seconds: estimate?.seconds ?? null };
    next.reading = current.client
      .getCallbackEstimatedWait(genesysQueueId)
      .then(
        (answer) => {
          next.seconds = answer.results[0]?.estimatedWaitTimeSeconds ?? null;
        },
        (error: unknown) => current.logger.debug({ err: error, genesysQueueId }, 'genesys: no estimated wait for the queue'),
      )
      .finally(() => {
        next.readAt = current.now();
        delete next.reading;
      });
    estimates.set(genesysQueueId, next);
  };

  return (callbackId: string): { position: number | null; estimatedWaitSeconds: number | null } => {
    if (!deps.running()) throw new IccError('vendor_unavailable', 'The Genesys adapter is not started');
    const record = deps.book.byCallback(callbackId);
    if (!record?.view) throw new IccError('not_found', `Callback ${callbackId} is not known to the Genesys adapter`);
    const { view } = record;
    if (view.state !== 'queued') return { position: null, estimatedWaitSeconds: null };
    const queued = deps.book
      .all()
      .flatMap((candidate) => (candidate.view?.state === 'queued' && candidate.view.queueId === view.queueId ? [candidate.view] : []))
      .sort((a, b) => Date.parse(a.requestedAt) - Date.parse(b.requestedAt) || a.id.localeCompare(b.id));
    const genesysQueueId = deps.queueMap[view.queueId];
    const estimate = genesysQueueId === undefined ? undefined : estimates.get(genesysQueueId);
    if (genesysQueueId !== undefined) refresh(genesysQueueId, estimate);
    return { position: queued.findIndex((candidate) => candidate.id === view.id) + 1, estimatedWaitSeconds: estimate?.seconds ?? null };
  };
}
