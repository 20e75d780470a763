import { connectApiError } from './connect-error-statuses';
import { queueArn } from './simulated-instance';
import type { SimulatorContext } from './simulator-context';

/** The real-time metrics the simulator computes (CurrentMetricName enum of the service model; definitions: admin guide, "Real-time metrics definitions"). */
const COMPUTED = {
  /** "Contacts in queue": contacts waiting in the queue for an agent. */
  CONTACTS_IN_QUEUE: { unit: 'COUNT', value: (ages: number[]) => ages.length },
  /** "Oldest": how long the contact that has waited longest has been in the queue. */
  OLDEST_CONTACT_AGE: { unit: 'SECONDS', value: (ages: number[]) => Math.max(0, ...ages) },
} as const;

/**
 * GetCurrentMetricData for `Filters.Queues` grouped by QUEUE (optionally filtered by channel): one
 * `MetricResults` item per queue with every requested metric (`Dimensions.Queue`, `Collections`).
 */
export function currentMetricData(context: SimulatorContext, body: Record<string, unknown>): Record<string, unknown> {
  const filters = (body['Filters'] ?? {}) as { Queues?: string[]; Channels?: string[] };
  const metrics = (body['CurrentMetrics'] ?? []) as Array<{ Name: string; Unit: string }>;
  if (!Array.isArray(filters.Queues) || !(body['Groupings'] as string[] | undefined)?.includes('QUEUE')) {
    throw connectApiError('InvalidParameterException', 'The simulator answers GetCurrentMetricData for Filters.Queues grouped by QUEUE only');
  }
  for (const metric of metrics) {
    const computed = COMPUTED[metric.Name as keyof typeof COMPUTED];
    if (!computed || computed.unit !== metric.Unit) throw connectApiError('InvalidParameterException', `${metric.Name} in ${metric.Unit} is not a metric the simulator computes`);
  }
  const { instance } = context;
  const now = instance.clock.now();
  const MetricResults = filters.Queues.filter((queueId) => instance.queues.has(queueId)).map((queueId) => {
    const ages = [...instance.contacts.values()]
      .filter((contact) => contact.queueId === queueId && contact.phase === 'queued' && (!filters.Channels || filters.Channels.includes(contact.channel)))
      .map((contact) => Math.floor((now - (contact.enqueuedAt ?? now)) / 1000));
    return {
      Dimensions: { Queue: { Id: queueId, Arn: queueArn(instance.settings, queueId) } },
      Collections: metrics.map((metric) => ({ Metric: metric, Value: COMPUTED[metric.Name as keyof typeof COMPUTED].value(ages) })),
    };
  });
  return { MetricResults, DataSnapshotTime: Math.floor(now / 1000) };
}
