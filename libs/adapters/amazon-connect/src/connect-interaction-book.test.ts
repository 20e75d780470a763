import { EXAMPLE_IDS, exampleInteractionCreatedEvent, exampleInteractionEvent } from '@icc/protocol';
import { newContactProgress } from './connect-contact-progress';
import { createInteractionBook } from './connect-interaction-book';

const contact = (contactId: string) =>
  newContactProgress({ contactId, initialContactId: 'contact-1', interactionId: EXAMPLE_IDS.interactionId, role: 'callback', phoneNumber: '+14155550100' });

describe('createInteractionBook', () => {
  it('forgets a closed interaction with its callback and contacts, and knows their contacts as closed', () => {
    const book = createInteractionBook([]);
    book.fold([exampleInteractionCreatedEvent()]);
    book.addContact(contact('contact-1'), true);
    expect(book.isAfterClose({ kind: 'queued', contactId: 'contact-1', at: 0 })).toBe(false);

    book.fold([exampleInteractionEvent('interaction.closed')]);

    expect([book.interactions.size, book.callbacks.size, book.contacts.size, book.activeContact.size]).toEqual([0, 0, 0, 0]);
    expect(book.isAfterClose({ kind: 'completed', contactId: 'contact-1', at: 0 })).toBe(true);
    expect(book.isAfterClose({ kind: 'queued', contactId: 'contact-9', at: 0 })).toBe(false);
  });

  it("recognises Connect's retry of a closed contact, and a contact added after its interaction closed", () => {
    const book = createInteractionBook([]);
    book.fold([exampleInteractionCreatedEvent()]);
    book.addContact(contact('contact-1'), true);
    book.fold([exampleInteractionEvent('interaction.closed')]);

    expect(book.isAfterClose({ kind: 'initiated', contactId: 'contact-2', at: 0, previousContactId: 'contact-1' })).toBe(true);
    expect(book.isAfterClose({ kind: 'queued', contactId: 'contact-2', at: 0 })).toBe(true);
    book.addContact(contact('contact-3'), true);
    expect(book.contacts.size).toBe(0);
    expect(book.isAfterClose({ kind: 'dialing', contactId: 'contact-3', at: 0 })).toBe(true);
  });
});
