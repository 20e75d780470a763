import type { Contact } from '@aws-sdk/client-connect';
import type { ConnectContactEventDetail } from './connect-schemas';

const iso = (value: Date | undefined) => (value === undefined ? undefined : value.toISOString());

function withoutUndefined<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

/**
 * A DescribeContact answer in the shape of a contact event's `detail`, so a contact read back
 * is understood exactly like the events it stands in for. `agentArn` is rebuilt from the user id.
 */
export function convertDescribedContactToDetail(contact: Contact, instanceArn: string): ConnectContactEventDetail {
  const agent = contact.AgentInfo;
  return withoutUndefined({
    eventType: 'DESCRIBED',
    contactId: contact.Id ?? '',
    initialContactId: contact.InitialContactId,
    previousContactId: contact.PreviousContactId,
    channel: contact.Channel ?? 'VOICE',
    initiationMethod: contact.InitiationMethod,
    initiationTimestamp: iso(contact.InitiationTimestamp),
    connectedToSystemTimestamp: iso(contact.ConnectedToSystemTimestamp),
    disconnectTimestamp: iso(contact.DisconnectTimestamp),
    disconnectReason: contact.DisconnectReason,
    queueInfo:
      contact.QueueInfo === undefined
        ? undefined
        : withoutUndefined({
            queueArn: contact.QueueInfo.Id === undefined ? undefined : `${instanceArn}/queue/${contact.QueueInfo.Id}`,
            enqueueTimestamp: iso(contact.QueueInfo.EnqueueTimestamp),
          }),
    agentInfo:
      agent === undefined
        ? undefined
        : withoutUndefined({
            agentArn: agent.Id === undefined ? undefined : `${instanceArn}/agent/${agent.Id}`,
            acceptedByAgentTimestamp: iso(agent.AcceptedByAgentTimestamp),
            connectedToAgentTimestamp: iso(agent.ConnectedToAgentTimestamp),
            afterContactWorkEndTimestamp: iso(agent.AfterContactWorkEndTimestamp),
          }),
  });
}
