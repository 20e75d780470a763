import { reduceInteraction } from '@icc/core';
import { isInteractionEvent, type Callback, type Interaction, type NewIccEvent, type Presence, type QueueConfig } from '@icc/protocol';
import type { ContactObservation } from './connect-contact-observation';
import type { ContactProgress } from './connect-contact-progress';
import { createRecentIds } from './connect-recent-ids';

const MAX_PARKED_CONTACTS = 1000;
/** Contacts of closed interactions remembered, so their late events are recognised without a read-back. */
const MAX_CLOSED_CONTACTS = 10_000;

/**
 * What the adapter knows: each open interaction folded from the events it emitted (the same fold
 * as the event store), the Connect contacts carrying them, and facts about contacts it cannot
 * place yet (an event that overtook the API answer naming its contact). A closed interaction is
 * final and stored by the gateway: it is forgotten with its callback and contacts, and only the
 * ids of those contacts are remembered (a bounded number) to recognise their late events.
 */
export interface InteractionBook {
  /** Open interactions only: one that is not here is closed (or was never ours). */
  readonly interactions: Map<string, Interaction>;
  /** callbackId → the callback as created, and its current interaction. */
  readonly callbacks: Map<string, { callback: Callback; interactionId: string }>;
  readonly contacts: Map<string, ContactProgress>;
  /** interactionId → the contact currently carrying it. */
  readonly activeContact: Map<string, string>;
  readonly queues: Map<string, QueueConfig>;
  readonly presence: Map<string, Presence>;
  /** Folds events into the interactions; throws on a transition the state machine forbids. */
  fold(events: readonly NewIccEvent[]): void;
  /** A contact of an interaction that is already closed is only remembered as closed. */
  addContact(progress: ContactProgress, active: boolean): void;
  /** A fact about a contact of a closed interaction, or about Connect's retry of one (remembered from then on): no news. */
  isAfterClose(observation: ContactObservation): boolean;
  park(observation: ContactObservation): void;
  /** Removes and returns the facts parked for a contact. */
  unpark(contactId: string): ContactObservation[];
  parkedContactIds(): string[];
}

export function createInteractionBook(queues: readonly QueueConfig[]): InteractionBook {
  const interactions = new Map<string, Interaction>();
  const callbacks = new Map<string, { callback: Callback; interactionId: string }>();
  const contacts = new Map<string, ContactProgress>();
  const activeContact = new Map<string, string>();
  const presence = new Map<string, Presence>();
  const parked = new Map<string, ContactObservation[]>();
  const closedContacts = createRecentIds(MAX_CLOSED_CONTACTS);

  const forget = (interaction: Interaction) => {
    interactions.delete(interaction.id);
    callbacks.delete(interaction.callbackId);
    activeContact.delete(interaction.id);
    for (const contact of contacts.values()) {
      if (contact.interactionId !== interaction.id) continue;
      contacts.delete(contact.contactId);
      closedContacts.remember(contact.contactId);
    }
  };

  return {
    interactions,
    callbacks,
    contacts,
    activeContact,
    queues: new Map(queues.map((queue) => [queue.id, queue])),
    presence,
    fold(events) {
      for (const event of events) {
        if (!isInteractionEvent(event)) {
          presence.set(event.agentId, event.presence);
          continue;
        }
        const folded = reduceInteraction(interactions.get(event.interactionId), event);
        if (folded.state === 'closed') {
          forget(folded);
          continue;
        }
        interactions.set(folded.id, folded);
        if (event.type === 'interaction.created') callbacks.set(event.callbackId, { callback: event.callback, interactionId: folded.id });
      }
    },
    addContact(progress, active) {
      if (!interactions.has(progress.interactionId)) {
        closedContacts.remember(progress.contactId);
        return;
      }
      contacts.set(progress.contactId, progress);
      if (active) activeContact.set(progress.interactionId, progress.contactId);
    },
    isAfterClose(observation) {
      if (closedContacts.has(observation.contactId)) return true;
      const retryOfClosed = observation.kind === 'initiated' && observation.previousContactId !== undefined && closedContacts.has(observation.previousContactId);
      if (retryOfClosed) closedContacts.remember(observation.contactId);
      return retryOfClosed;
    },
    park(observation) {
      const waiting = parked.get(observation.contactId) ?? [];
      waiting.push(observation);
      parked.set(observation.contactId, waiting);
      if (parked.size > MAX_PARKED_CONTACTS) parked.delete(parked.keys().next().value as string);
    },
    unpark(contactId) {
      const waiting = parked.get(contactId) ?? [];
      parked.delete(contactId);
      return waiting;
    },
    parkedContactIds: () => [...parked.keys()],
  };
}
