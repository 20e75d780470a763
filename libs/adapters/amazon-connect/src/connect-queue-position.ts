import { GetCurrentMetricDataCommand } from '@aws-sdk/client-connect';
import { createCoalescedReads, type CoalescedReads } from '@icc/adapter-kit';
import { IccError } from '@icc/core';
import type { Interaction } from '@icc/protocol';
import type { ConnectRuntime } from './connect-runtime';

interface QueueMetrics {
  contactsInQueue: number;
  oldestContactAgeSeconds: number;
}

/**
 * Connect's API reference gives GetCurrentMetricData 5 requests per second, burst 8 (other
 * operations 2, burst 5), per account and shared with every other client of it: this adapter keeps
 * to the lower default.
 */
const QUOTA = { perSecond: 2, burst: 5 };
/** A queue's real-time metrics are read at most this often, however many callers ask. */
const REFRESH_AFTER_MS = 15_000;

async function readQueueMetrics(runtime: ConnectRuntime, connectQueueIds: string[]): Promise<Map<string, QueueMetrics>> {
  const answer = await runtime.api.send(
    new GetCurrentMetricDataCommand({
      InstanceId: runtime.config.instanceId,
      // Callbacks are tasks: their wait is the task channel's of the queue.
      Filters: { Queues: connectQueueIds, Channels: ['TASK'] },
      Groupings: ['QUEUE'],
      CurrentMetrics: [
        { Name: 'CONTACTS_IN_QUEUE', Unit: 'COUNT' },
        { Name: 'OLDEST_CONTACT_AGE', Unit: 'SECONDS' },
      ],
    }),
  );
  const metrics = new Map<string, QueueMetrics>();
  for (const result of answer.MetricResults ?? []) {
    const value = (name: string) => result.Collections?.find((collection) => collection.Metric?.Name === name)?.Value ?? 0;
    const queueId = result.Dimensions?.Queue?.Id;
    if (queueId !== undefined) metrics.set(queueId, { contactsInQueue: value('CONTACTS_IN_QUEUE'), oldestContactAgeSeconds: value('OLDEST_CONTACT_AGE') });
  }
  return metrics;
}

const queuedSince = (interaction: Interaction) => Date.parse(interaction.scheduledAt ?? interaction.requestedAt);

/**
 * `queuePosition` for Connect, which publishes no position or wait per contact: the position is the
 * callback's rank among the adapter's queued callbacks of its queue (Connect routes a queue's oldest
 * contact first); the estimated wait is the queue's OLDEST_CONTACT_AGE less the time this callback
 * has waited (first in, first out, the oldest contact's wait is what reaching the head takes now).
 * The port answers synchronously: the metrics are the last read (see `createCoalescedReads`).
 */
export function createConnectQueuePosition(current: () => ConnectRuntime) {
  let cache: { runtime: ConnectRuntime; reads: CoalescedReads<QueueMetrics> } | undefined;
  const metricsOf = (runtime: ConnectRuntime, connectQueueId: string) => {
    if (cache?.runtime !== runtime) {
      const reads = createCoalescedReads<QueueMetrics>({
        clock: runtime.context.clock,
        refreshAfterMs: REFRESH_AFTER_MS,
        quota: QUOTA,
        read: (queueIds) => readQueueMetrics(runtime, queueIds),
        onError: (error) => runtime.context.logger.debug({ err: error }, 'amazon-connect: no queue metrics'),
        track: runtime.track,
      });
      cache?.reads.clear();
      cache = { runtime, reads };
    }
    return cache.reads.get(connectQueueId);
  };

  return (callbackId: string): { position: number | null; estimatedWaitSeconds: number | null } => {
    const runtime = current();
    const open = runtime.book.callback(callbackId);
    const interaction = open && runtime.book.interaction(open.interactionId);
    if (!interaction && !runtime.context.getCallback(callbackId)) throw new IccError('not_found', `Callback ${callbackId} is not known`);
    if (interaction?.state !== 'queued') return { position: null, estimatedWaitSeconds: null };
    const queued = runtime.book
      .interactions()
      .filter((candidate) => candidate.state === 'queued' && candidate.queueId === interaction.queueId)
      .sort((a, b) => queuedSince(a) - queuedSince(b) || a.id.localeCompare(b.id));
    const metrics = metricsOf(runtime, runtime.connectQueueId(interaction.queueId));
    const waitedSeconds = (runtime.context.clock.now() - queuedSince(interaction)) / 1000;
    const estimate = metrics && metrics.contactsInQueue > 0 ? Math.max(0, Math.round(metrics.oldestContactAgeSeconds - waitedSeconds)) : null;
    return { position: queued.indexOf(interaction) + 1, estimatedWaitSeconds: estimate };
  };
}
