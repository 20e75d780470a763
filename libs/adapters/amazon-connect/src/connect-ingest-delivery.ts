import { createPushIntake, parseJsonObjectBody, parsePushEvent, type ParsedPush, type PushIntakeCounters } from '@icc/adapter-kit';
import type { AmazonConnectAdapterConfig } from './connect-config';
import type { ContactObservation } from './connect-contact-observation';
import { convertAgentEventToObservations } from './connect-convert-agent-event-to-observations';
import { convertContactEventToObservations } from './connect-convert-contact-event-to-observations';
import type { ConnectRuntime } from './connect-runtime';
import { ConnectAgentEvent, ConnectContactEvent, type ConnectDelivery } from './connect-schemas';

/** Event types of the contact events and agent event stream data models; anything else is logged and counted, never applied. */
const CONTACT_EVENT_TYPES = new Set(['INITIATED', 'CONNECTED_TO_SYSTEM', 'CONTACT_DATA_UPDATED', 'QUEUED', 'CONNECTED_TO_AGENT', 'DISCONNECTED', 'COMPLETED', 'AMD_DISABLED', 'PAUSED', 'RESUMED']);
const AGENT_EVENT_TYPES = new Set(['STATE_CHANGE', 'HEART_BEAT', 'LOGIN', 'LOGOUT']);

export interface IngestCounters extends PushIntakeCounters {
  unknownTypes: number;
  foreignChannels: number;
}

/**
 * Reads one webhook body: an EventBridge "Amazon Connect Contact Event", or an agent event stream
 * record; its id is the stream's and the event's. Anything else (other detail-types, other
 * sources, malformed JSON) is refused with the reason.
 */
export function parseConnectDelivery(rawBody: string): ParsedPush<ConnectDelivery> {
  const json = parseJsonObjectBody(rawBody);
  if (!json.ok) return json;
  const { body } = json;
  if ('detail-type' in body) {
    if (body['detail-type'] !== 'Amazon Connect Contact Event') return { ok: false, reason: `unsupported detail-type ${JSON.stringify(body['detail-type'])}` };
    return parsePushEvent(ConnectContactEvent, body, 'contact event', (event) => ({ delivery: { stream: 'contact-events', event }, id: `contact-events:${event.id}` }));
  }
  if (!('AgentARN' in body && 'EventType' in body)) return { ok: false, reason: 'neither a contact event nor an agent event' };
  return parsePushEvent(ConnectAgentEvent, body, 'agent event', (event) => ({ delivery: { stream: 'agent-events', event }, id: `agent-events:${event.EventId}` }));
}

/** Signed webhook deliveries from the relay (contact events from EventBridge, agent events from Kinesis), deduplicated by event id. */
export function createConnectIntake(config: AmazonConnectAdapterConfig) {
  return createPushIntake<ConnectDelivery>({
    vendor: 'amazon-connect',
    secret: config.webhookSecret,
    toleranceSeconds: config.webhookToleranceSeconds,
    parse: parseConnectDelivery,
    remember: 10_000,
  });
}

/** The contact facts in one delivery. */
export function observationsOf(runtime: ConnectRuntime, delivery: ConnectDelivery, counters: IngestCounters): ContactObservation[] {
  const event = delivery.stream === 'contact-events' ? delivery.event.detail.eventType : delivery.event.EventType;
  const known = delivery.stream === 'contact-events' ? CONTACT_EVENT_TYPES.has(event) : AGENT_EVENT_TYPES.has(event);
  if (!known) {
    counters.unknownTypes += 1;
    runtime.context.logger.warn({ eventType: event, stream: delivery.stream }, 'amazon-connect: unknown event type skipped');
    return [];
  }
  if (delivery.stream === 'agent-events') return convertAgentEventToObservations(delivery.event);
  const { detail } = delivery.event;
  // Callbacks are tasks, and the agent's calls are voice contacts; chats and emails are not ours.
  if (detail.channel !== 'VOICE' && detail.channel !== 'TASK') {
    counters.foreignChannels += 1;
    return [];
  }
  return convertContactEventToObservations(detail, delivery.event.time);
}
