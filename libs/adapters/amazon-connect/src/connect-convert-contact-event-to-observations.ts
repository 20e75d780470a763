import type { ConnectContactEventDetail } from './connect-schemas';
import { instantOf, sortObservations, userIdFromAgentArn, type ContactObservation } from './connect-contact-observation';
import { mapDialFailure, mapDisconnectParty } from './connect-map-disconnect-reason';

/**
 * Every fact a contact event proves. A contact event carries all the contact's timestamps so far,
 * so one event also stands in for earlier ones that were lost or arrive later.
 * `eventTime` (the envelope's `time`) dates a COMPLETED event without an ACW end.
 */
export function convertContactEventToObservations(detail: ConnectContactEventDetail, eventTime?: string): ContactObservation[] {
  const contactId = detail.contactId;
  const observations: ContactObservation[] = [];
  const agent = detail.agentInfo;
  const userId = userIdFromAgentArn(agent?.agentArn);

  const initiatedAt = instantOf(detail.initiationTimestamp);
  if (initiatedAt !== undefined) {
    const links = { initialContactId: detail.initialContactId || undefined, previousContactId: detail.previousContactId || undefined };
    observations.push({ kind: 'initiated', contactId, at: initiatedAt, ...links, initiationMethod: detail.initiationMethod || undefined });
  }
  const queuedAt = instantOf(detail.queueInfo?.enqueueTimestamp);
  if (queuedAt !== undefined) observations.push({ kind: 'queued', contactId, at: queuedAt });

  // A task connected to the agent is the callback accepted; a call connected to them is answered.
  const task = detail.channel === 'TASK';
  const acceptedAt = instantOf(agent?.acceptedByAgentTimestamp) ?? (task ? instantOf(agent?.connectedToAgentTimestamp) : undefined);
  if (acceptedAt !== undefined && userId !== undefined) observations.push({ kind: 'accepted', contactId, at: acceptedAt, userId });

  const answeredAt = task ? undefined : (instantOf(detail.connectedToSystemTimestamp) ?? instantOf(agent?.connectedToAgentTimestamp));
  if (answeredAt !== undefined) observations.push({ kind: 'answered', contactId, at: answeredAt, userId });

  const disconnectedAt = instantOf(detail.disconnectTimestamp);
  if (disconnectedAt !== undefined) {
    const answered = answeredAt !== undefined;
    const failure = answered ? undefined : mapDialFailure(detail.disconnectReason);
    observations.push({ kind: 'disconnected', contactId, at: disconnectedAt, answered, failure, by: mapDisconnectParty(detail.disconnectReason) });
  }
  const completedAt =
    instantOf(agent?.afterContactWorkEndTimestamp) ??
    (detail.eventType === 'COMPLETED' ? (disconnectedAt ?? instantOf(eventTime)) : undefined);
  if (completedAt !== undefined) observations.push({ kind: 'completed', contactId, at: completedAt });
  return sortObservations(observations);
}
