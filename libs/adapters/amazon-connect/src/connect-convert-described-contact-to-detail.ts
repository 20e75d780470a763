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
    relatedContactId: contact.RelatedContactId,
    channel: contact.Channel ?? 'VOICE',
    instanceArn,
    initiationMethod: contact.InitiationMethod,
    initiationTimestamp: iso(contact.InitiationTimestamp),
    scheduledTimestamp: iso(contact.ScheduledTimestamp),
    connectedToSystemTimestamp: iso(contact.ConnectedToSystemTimestamp),
    disconnectTimestamp: iso(contact.DisconnectTimestamp),
    disconnectReason: contact.DisconnectReason,
    answeringMachineDetectionStatus: contact.AnsweringMachineDetectionStatus,
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
            previewEndTimestamp: iso(agent.PreviewEndTimestamp),
            connectedToAgentTimestamp: iso(agent.ConnectedToAgentTimestamp),
            afterContactWorkStartTimestamp: iso(agent.AfterContactWorkStartTimestamp),
            afterContactWorkEndTimestamp: iso(agent.AfterContactWorkEndTimestamp),
          }),
  });
}
