import { GetCurrentMetricDataCommand } from '@aws-sdk/client-connect';
import { createCoalescedReads, queueRank, queuedSince, type CoalescedReads } from '@icc/adapter-kit';
import { IccError } from '@icc/core';
import type { ConnectRuntime } from './connect-runtime';

type QueueMetrics = Record<'CONTACTS_IN_QUEUE' | 'OLDEST_CONTACT_AGE', number>;

/**
 * Connect's API reference gives GetCurrentMetricData 5 requests per second, burst 8 (other
 * operations 2, burst 5), per account and shared with every other client of it: this adapter keeps
 * to the lower default, and reads a queue's metrics at most every 15 s however many callers ask.
 */
const QUOTA = { perSecond: 2, burst: 5 };
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
  return new Map(
    (answer.MetricResults ?? []).map((result) => {
      const value = (name: keyof QueueMetrics) => result.Collections?.find((collection) => collection.Metric?.Name === name)?.Value ?? 0;
      return [result.Dimensions?.Queue?.Id ?? '', { CONTACTS_IN_QUEUE: value('CONTACTS_IN_QUEUE'), OLDEST_CONTACT_AGE: value('OLDEST_CONTACT_AGE') }];
    }),
  );
}

/**
 * `queuePosition` for Connect, which publishes no position or wait per contact: the callback's rank
 * among the adapter's queued callbacks of its queue (Connect routes a queue's oldest contact first),
 * and as the estimated wait the queue's OLDEST_CONTACT_AGE less the time this callback has waited
 * (first in, first out, the oldest contact's wait is what reaching the head takes now). The port
 * answers synchronously: the metrics are the last read.
 */
export function createConnectQueuePosition(current: () => ConnectRuntime) {
  let cache: { runtime: ConnectRuntime; reads: CoalescedReads<QueueMetrics> } | undefined;
  const readsOf = (runtime: ConnectRuntime) => {
    if (cache?.runtime === runtime) return cache.reads;
    cache?.reads.clear();
    const { clock, logger } = runtime.context;
    const read = (queueIds: string[]) => readQueueMetrics(runtime, queueIds);
    const onError = (error: unknown) => logger.debug({ err: error }, 'amazon-connect: no queue metrics');
    cache = { runtime, reads: createCoalescedReads({ clock, refreshAfterMs: REFRESH_AFTER_MS, quota: QUOTA, read, onError, track: runtime.track }) };
    return cache.reads;
  };

  return (callbackId: string): { position: number | null; estimatedWaitSeconds: number | null } => {
    const runtime = current();
    const interaction = runtime.book.interaction(runtime.book.callback(callbackId)?.interactionId ?? '');
    if (!interaction && !runtime.context.getCallback(callbackId)) throw new IccError('not_found', `Callback ${callbackId} is not known`);
    const position = interaction ? queueRank(runtime.book.interactions(), interaction) : null;
    if (!interaction || position === null) return { position: null, estimatedWaitSeconds: null };
    const metrics = readsOf(runtime).get(runtime.connectQueueId(interaction.queueId));
    const waitedSeconds = (runtime.context.clock.now() - queuedSince(interaction)) / 1000;
    const estimate = metrics?.CONTACTS_IN_QUEUE ? Math.max(0, Math.round(metrics.OLDEST_CONTACT_AGE - waitedSeconds)) : null;
    return { position, estimatedWaitSeconds: estimate };
  };
}
