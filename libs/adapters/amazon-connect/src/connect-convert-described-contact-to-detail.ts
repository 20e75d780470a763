import type { Contact } from '@aws-sdk/client-connect';
import type { ConnectContactEventDetail } from './connect-schemas';

/**
 * A DescribeContact answer in the shape of a contact event's `detail`, so a contact read back
 * is understood exactly like the events it stands in for. `agentArn` is rebuilt from the user id.
 */
export function convertDescribedContactToDetail(contact: Contact, instanceArn: string): ConnectContactEventDetail {
  const { AgentInfo: agent, QueueInfo: queue } = contact;
  return {
    eventType: 'DESCRIBED',
    contactId: contact.Id ?? '',
    initialContactId: contact.InitialContactId,
    previousContactId: contact.PreviousContactId,
    channel: contact.Channel ?? 'VOICE',
    initiationMethod: contact.InitiationMethod,
    initiationTimestamp: contact.InitiationTimestamp?.toISOString(),
    connectedToSystemTimestamp: contact.ConnectedToSystemTimestamp?.toISOString(),
    disconnectTimestamp: contact.DisconnectTimestamp?.toISOString(),
    disconnectReason: contact.DisconnectReason,
    queueInfo: queue && {
      queueArn: queue.Id === undefined ? undefined : `${instanceArn}/queue/${queue.Id}`,
      enqueueTimestamp: queue.EnqueueTimestamp?.toISOString(),
    },
    agentInfo: agent && {
      agentArn: agent.Id === undefined ? undefined : `${instanceArn}/agent/${agent.Id}`,
      acceptedByAgentTimestamp: agent.AcceptedByAgentTimestamp?.toISOString(),
      connectedToAgentTimestamp: agent.ConnectedToAgentTimestamp?.toISOString(),
      afterContactWorkEndTimestamp: agent.AfterContactWorkEndTimestamp?.toISOString(),
    },
  };
}
