import { createRecentIds } from '@icc/adapter-kit';
import type { ContactObservation } from './connect-contact-observation';
import type { ContactProgress } from './connect-contact-progress';

/** Contacts of closed interactions remembered, so their late events are recognised without a read-back. */
const MAX_CLOSED_CONTACTS = 10_000;

/**
 * The Connect contacts carrying the open interactions (the kit's interaction book holds the
 * interactions). Contacts of a closed interaction are forgotten; only their ids are remembered
 * (a bounded number), to recognise their late events.
 */
export type ContactBook = ReturnType<typeof createContactBook>;

export function createContactBook() {
  const contacts = new Map<string, ContactProgress>();
  const activeContact = new Map<string, string>();
  const closedContacts = createRecentIds(MAX_CLOSED_CONTACTS);
  const missedOnCcp = new Map<string, Set<string>>();
  return {
    contacts,
    /** The contact currently carrying an interaction. */
    active: (interactionId: string): ContactProgress | undefined => contacts.get(activeContact.get(interactionId) ?? ''),
    /** `open`: whether its interaction is still open; a contact of a closed one is only remembered as closed. */
    add(progress: ContactProgress, open: boolean): void {
      if (!open) return closedContacts.remember(progress.contactId);
      contacts.set(progress.contactId, progress);
      activeContact.set(progress.interactionId, progress.contactId);
    },
    forget(interactionId: string): void {
      activeContact.delete(interactionId);
      for (const contact of contacts.values()) {
        if (contact.interactionId !== interactionId) continue;
        contacts.delete(contact.contactId);
        closedContacts.remember(contact.contactId);
      }
    },
    /** A fact about a contact of a closed interaction, or about Connect's retry of one (remembered from then on): no news. */
    isAfterClose(observation: ContactObservation): boolean {
      if (closedContacts.has(observation.contactId)) return true;
      const retryOfClosed = observation.kind === 'initiated' && observation.previousContactId !== undefined && closedContacts.has(observation.previousContactId);
      if (retryOfClosed) closedContacts.remember(observation.contactId);
      return retryOfClosed;
    },
    /** A contact the agent let time out, left on their CCP as MISSED until dismissed. */
    missed: (agentId: string, contactId: string) => void missedOnCcp.set(agentId, new Set([...(missedOnCcp.get(agentId) ?? []), contactId])),
    missedBy: (agentId: string): string[] => [...(missedOnCcp.get(agentId) ?? [])],
    dismissed: (agentId: string, contactId: string) => void missedOnCcp.get(agentId)?.delete(contactId),
  };
}
