import { ICC_WEBHOOK_SCHEME, verifyIccWebhook, type RecentIds } from '@icc/adapter-kit';
import type { VendorWebhookRequest } from '@icc/core';
import type { IccEvent } from '@icc/protocol';
import type { ConnectRuntime } from './connect-runtime';
import type { ConnectDelivery } from './connect-schemas';
import type { ContactObservation } from './connect-contact-observation';
import { convertAgentEventToObservations } from './connect-convert-agent-event-to-observations';
import { convertContactEventToObservations } from './connect-convert-contact-event-to-observations';
import { parseConnectDelivery } from './connect-parse-delivery';

/** Contact event types of the data model; anything else is logged and counted, never applied. */
const CONTACT_EVENT_TYPES = new Set([
  'INITIATED',
  'CONNECTED_TO_SYSTEM',
  'CONTACT_DATA_UPDATED',
  'QUEUED',
  'CONNECTED_TO_AGENT',
  'DISCONNECTED',
  'COMPLETED',
  'AMD_DISABLED',
  'PAUSED',
  'RESUMED',
]);
const AGENT_EVENT_TYPES = new Set(['STATE_CHANGE', 'HEART_BEAT', 'LOGIN', 'LOGOUT']);

export interface IngestCounters {
  accepted: number;
  duplicates: number;
  malformed: number;
  unknownTypes: number;
  foreignChannels: number;
}

function observationsOf(runtime: ConnectRuntime, delivery: ConnectDelivery, counters: IngestCounters): ContactObservation[] {
  const log = runtime.context.logger;
  if (delivery.stream === 'contact-events') {
    const { detail } = delivery.event;
    if (!CONTACT_EVENT_TYPES.has(detail.eventType)) {
      counters.unknownTypes += 1;
      log.warn({ eventType: detail.eventType, id: delivery.event.id }, 'amazon-connect: unknown contact event type skipped');
      return [];
    }
    // Callbacks are tasks, and the agent's calls are voice contacts; chats and emails are not ours.
    if (detail.channel !== 'VOICE' && detail.channel !== 'TASK') {
      counters.foreignChannels += 1;
      return [];
    }
    return convertContactEventToObservations(detail, delivery.event.time);
  }
  if (!AGENT_EVENT_TYPES.has(delivery.event.EventType)) {
    counters.unknownTypes += 1;
    log.warn({ eventType: delivery.event.EventType, id: delivery.event.EventId }, 'amazon-connect: unknown agent event type skipped');
    return [];
  }
  return convertAgentEventToObservations(delivery.event);
}

/**
 * One signed webhook delivery from the relay: verified (when the adapter has the secret; the
 * gateway verifies too), parsed with the adapter's own schemas, deduplicated by event id, and
 * applied. A body that does not parse is logged and skipped: the relay must not retry it forever.
 */
export async function ingestDelivery(
  runtime: ConnectRuntime,
  request: VendorWebhookRequest,
  seen: RecentIds,
  counters: IngestCounters,
): Promise<IccEvent[]> {
  const { config, context } = runtime;
  const header = (name: string) => Object.entries(request.headers).find(([key]) => key.toLowerCase() === name)?.[1];
  if (config.webhookSecret !== undefined) {
    // No `now`: freshness is transport time, the real clock, also when the domain clock is faked.
    verifyIccWebhook({ secret: config.webhookSecret, header, rawBody: request.rawBody, toleranceSeconds: config.webhookToleranceSeconds });
  }
  const parsed = parseConnectDelivery(request.rawBody);
  if (!parsed.ok) {
    counters.malformed += 1;
    context.logger.warn({ reason: parsed.reason, deliveryId: header(ICC_WEBHOOK_SCHEME.deliveryIdHeader) }, 'amazon-connect: delivery skipped');
    return [];
  }
  const eventId = parsed.delivery.stream === 'contact-events' ? parsed.delivery.event.id : parsed.delivery.event.EventId;
  const key = `${parsed.delivery.stream}:${eventId}`;
  if (!seen.firstSighting(key)) {
    counters.duplicates += 1;
    context.logger.debug({ eventId }, 'amazon-connect: duplicate delivery skipped');
    return [];
  }
  counters.accepted += 1;
  try {
    return await runtime.observe(observationsOf(runtime, parsed.delivery, counters));
  } catch (error) {
    seen.forget(key);
    throw error;
  }
}
