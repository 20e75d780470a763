import { createRefreshingValues, positionInQueue } from '@icc/adapter-kit';
import { IccError } from '@icc/core';
import type { Running } from './genesys-adapter-running';

/** Rank among the queue's queued callbacks (Genesys publishes no position per callback) and the queue's callback estimated wait. */
export function createGenesysQueuePosition(queueMap: Readonly<Record<string, string>>, refreshAfterMs: number, running: () => Running | undefined) {
  const estimates = createRefreshingValues<number | null>(refreshAfterMs, (error, genesysQueueId) =>
    running()?.context.logger.debug({ err: error, genesysQueueId }, 'genesys: no estimated wait for the queue'),
  );
  return (callbackId: string): { position: number | null; estimatedWaitSeconds: number | null } => {
    const current = running();
    if (!current) throw new IccError('vendor_unavailable', 'The Genesys adapter is not started');
    const record = current.works.byCallback(callbackId);
    const view = record && current.interactions.interaction(record.interactionId);
    if (!view) throw new IccError('not_found', `Callback ${callbackId} is not known to the Genesys adapter`);
    const position = positionInQueue(current.interactions.interactions(), view);
    const genesysQueueId = queueMap[view.queueId];
    if (position === null || genesysQueueId === undefined) return { position, estimatedWaitSeconds: null };
    const read = () => current.client.getCallbackEstimatedWait(genesysQueueId).then((answer) => answer.results?.[0]?.estimatedWaitTimeSeconds ?? null);
    return { position, estimatedWaitSeconds: estimates.get(genesysQueueId, read, () => current.context.clock.now()) ?? null };
  };
}
