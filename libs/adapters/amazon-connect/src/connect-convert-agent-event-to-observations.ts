import type { ConnectAgentContact, ConnectAgentEvent } from './connect-schemas';
import { instantOf, sortObservations, userIdFromAgentArn, type ContactObservation } from './connect-contact-observation';

function contactState(contact: ConnectAgentContact, userId: string, eventAt: number, previous?: ConnectAgentContact): ContactObservation[] {
  const contactId = contact.ContactId;
  const since = instantOf(contact.StateStartTimestamp) ?? eventAt;
  const connectedAt = instantOf(contact.ConnectedToAgentTimestamp);
  const task = contact.Channel === 'TASK';
  const answered: ContactObservation = { kind: 'answered', contactId, at: connectedAt ?? since, userId };
  switch (contact.State) {
    case 'INCOMING':
      // Queued callbacks alert as INCOMING ("About contact states"); not created by this adapter, kept for foreign ones.
      return [{ kind: 'offered', contactId, at: since, userId }];
    case 'PENDING':
      return [{ kind: 'accepted', contactId, at: since, userId }];
    case 'CONNECTING':
      // A task offered to the agent is CONNECTING; the agent's own call is CONNECTING while it rings.
      return [{ kind: task ? 'offered' : 'dialing', contactId, at: since, userId }];
    case 'CONNECTED':
      // A task on the agent's CCP is connected once accepted: the callback is accepted, not answered.
      if (task) return [{ kind: 'accepted', contactId, at: connectedAt ?? since, userId }];
      // Hold does not move StateStartTimestamp: the event's own time dates the resume.
      return previous?.State === 'CONNECTED_ONHOLD' ? [answered, { kind: 'held', contactId, at: eventAt, held: false }] : [answered];
    case 'CONNECTED_ONHOLD':
      return [answered, { kind: 'held', contactId, at: eventAt, held: true }];
    case 'MISSED':
    case 'REJECTED':
      return [{ kind: 'missed', contactId, at: since, userId }];
    case 'ERROR':
      return [{ kind: 'disconnected', contactId, at: since, answered: false, failure: 'failed' }];
    case 'ENDED':
      // The agent stream does not say why an unanswered dial ended: the adapter reads the contact back.
      return [{ kind: 'disconnected', contactId, at: since, answered: connectedAt !== undefined }];
    default:
      return [];
  }
}

/**
 * The contact facts in one agent event stream record: the state each contact shows on the
 * agent's CCP, and contacts cleared since the previous snapshot (after-contact work done).
 * Status-only changes (Available, Break) carry no contact fact.
 */
export function convertAgentEventToObservations(event: ConnectAgentEvent): ContactObservation[] {
  const userId = userIdFromAgentArn(event.AgentARN);
  const eventAt = instantOf(event.EventTimestamp);
  if (userId === undefined || eventAt === undefined) return [];
  const current = event.CurrentAgentSnapshot?.Contacts ?? [];
  const previous = event.PreviousAgentSnapshot?.Contacts ?? [];
  const observations: ContactObservation[] = [];
  for (const contact of current) {
    const before = previous.find((candidate) => candidate.ContactId === contact.ContactId);
    observations.push(...contactState(contact, userId, eventAt, before));
  }
  for (const before of previous) {
    const stillShown = current.some((contact) => contact.ContactId === before.ContactId);
    if (!stillShown && before.State === 'ENDED') observations.push({ kind: 'completed', contactId: before.ContactId, at: eventAt });
  }
  return sortObservations(observations);
}
