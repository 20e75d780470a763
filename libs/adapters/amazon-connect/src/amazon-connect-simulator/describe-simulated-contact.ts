import { contactArn, type SimulatedContact, type SimulatedInstance } from './simulated-instance';

/** REST-JSON timestamps are epoch seconds (the SDK turns them into `Date`s). */
const epochSeconds = (epochMs: number | undefined) => (epochMs === undefined ? undefined : epochMs / 1000);

function withoutUndefined<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** The `Contact` of a DescribeContact answer: what Connect knows about the contact right now. */
export function describeContact(instance: SimulatedInstance, contact: SimulatedContact): Record<string, unknown> {
  const agentInfo =
    contact.userId === undefined || contact.phase === 'alerting'
      ? undefined
      : withoutUndefined({
          Id: contact.userId,
          AcceptedByAgentTimestamp: epochSeconds(contact.acceptedAt),
          ConnectedToAgentTimestamp: epochSeconds(contact.connectedToAgentAt),
          AfterContactWorkStartTimestamp: epochSeconds(contact.afterContactWorkStartedAt),
          AfterContactWorkEndTimestamp: epochSeconds(contact.afterContactWorkEndedAt),
        });
  return withoutUndefined({
    Arn: contactArn(instance.settings, contact.id),
    Id: contact.id,
    InitialContactId: contact.initialContactId,
    PreviousContactId: contact.previousContactId,
    RelatedContactId: contact.relatedContactId,
    InitiationMethod: contact.initiationMethod,
    Channel: contact.channel,
    QueueInfo:
      contact.queueId === undefined ? undefined : withoutUndefined({ Id: contact.queueId, EnqueueTimestamp: epochSeconds(contact.enqueuedAt) }),
    AgentInfo: agentInfo,
    InitiationTimestamp: epochSeconds(contact.initiatedAt),
    ScheduledTimestamp: epochSeconds(contact.scheduledAt),
    ConnectedToSystemTimestamp: epochSeconds(contact.connectedToSystemAt),
    DisconnectTimestamp: epochSeconds(contact.disconnectedAt),
    LastUpdateTimestamp: epochSeconds(contact.lastUpdatedAt),
    CustomerEndpoint: contact.channel === 'VOICE' ? { Type: 'TELEPHONE_NUMBER', Address: contact.customerAddress } : undefined,
    DisconnectReason: contact.disconnectReason,
  });
}
