import {
  agentArn,
  contactArn,
  instanceArn,
  isoInstant,
  queueArn,
  type SimulatedContact,
  type SimulatedInstance,
} from './simulated-instance';

export type SimulatedContactEventType =
  | 'INITIATED'
  | 'QUEUED'
  | 'CONNECTED_TO_SYSTEM'
  | 'CONNECTED_TO_AGENT'
  | 'CONTACT_DATA_UPDATED'
  | 'DISCONNECTED'
  | 'COMPLETED';

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

const at = (epochMs: number | undefined) => (epochMs === undefined ? undefined : isoInstant(epochMs));

/**
 * An "Amazon Connect Contact Event" as EventBridge delivers it (camelCase `detail`, as in the
 * published samples), carrying every timestamp the contact has so far.
 */
export function buildContactEvent(
  instance: SimulatedInstance,
  contact: SimulatedContact,
  eventType: SimulatedContactEventType,
  extra: { updatedProperties?: string[] } = {},
): Record<string, unknown> {
  const { settings } = instance;
  const now = instance.clock.now();
  const agentInfo =
    contact.userId === undefined || contact.phase === 'alerting'
      ? undefined
      : withoutUndefined({
          agentArn: agentArn(settings, contact.userId),
          acceptedByAgentTimestamp: at(contact.acceptedAt),
          connectedToAgentTimestamp: at(contact.connectedToAgentAt),
          afterContactWorkStartTimestamp: at(contact.afterContactWorkStartedAt),
          afterContactWorkEndTimestamp: at(contact.afterContactWorkEndedAt),
        });
  const queueInfo =
    contact.queueId === undefined || contact.enqueuedAt === undefined
      ? undefined
      : { queueArn: queueArn(settings, contact.queueId), queueType: 'STANDARD', enqueueTimestamp: isoInstant(contact.enqueuedAt) };
  const detail = withoutUndefined({
    eventType,
    contactId: contact.id,
    initialContactId: contact.initialContactId,
    previousContactId: contact.previousContactId,
    relatedContactId: contact.relatedContactId,
    channel: contact.channel,
    instanceArn: instanceArn(settings),
    initiationMethod: contact.initiationMethod,
    initiationTimestamp: isoInstant(contact.initiatedAt),
    scheduledTimestamp: at(contact.scheduledAt),
    connectedToSystemTimestamp: at(contact.connectedToSystemAt),
    disconnectTimestamp: at(contact.disconnectedAt),
    disconnectReason: contact.disconnectReason,
    queueInfo,
    agentInfo,
    updatedProperties: extra.updatedProperties,
    tags: { 'aws:connect:instanceId': settings.instanceId },
  });
  return {
    version: '0',
    id: globalThis.crypto.randomUUID(),
    'detail-type': 'Amazon Connect Contact Event',
    source: 'aws.connect',
    account: settings.accountId,
    // EventBridge `time` has whole seconds only; the detail timestamps keep the milliseconds.
    time: isoInstant(Math.floor(now / 1000) * 1000).replace('.000Z', 'Z'),
    region: settings.region,
    resources: [contactArn(settings, contact.id), instanceArn(settings)],
    detail,
  };
}
