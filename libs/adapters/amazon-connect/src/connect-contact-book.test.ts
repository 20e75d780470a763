import { EXAMPLE_IDS } from '@icc/protocol';
import { createContactBook } from './connect-contact-book';
import type { ContactProgress } from './connect-contact-progress';

const contact = (contactId: string): ContactProgress => ({
  contactId,
  initialContactId: 'contact-1',
  interactionId: EXAMPLE_IDS.interactionId,
  role: 'callback',
  phoneNumber: '+14155550100',
});

describe('createContactBook', () => {
  it("forgets a closed interaction's contacts, and knows them as closed", () => {
    const book = createContactBook();
    book.add(contact('contact-1'), true);
    expect(book.active(EXAMPLE_IDS.interactionId)?.contactId).toBe('contact-1');
    expect(book.isAfterClose({ kind: 'queued', contactId: 'contact-1', at: 0 })).toBe(false);

    book.forget(EXAMPLE_IDS.interactionId);

    expect([book.contacts.size, book.active(EXAMPLE_IDS.interactionId)]).toEqual([0, undefined]);
    expect(book.isAfterClose({ kind: 'completed', contactId: 'contact-1', at: 0 })).toBe(true);
    expect(book.isAfterClose({ kind: 'queued', contactId: 'contact-9', at: 0 })).toBe(false);
  });

  it("recognises Connect's retry of a closed contact, and a contact added after its interaction closed", () => {
    const book = createContactBook();
    book.add(contact('contact-1'), true);
    book.forget(EXAMPLE_IDS.interactionId);

    expect(book.isAfterClose({ kind: 'initiated', contactId: 'contact-2', at: 0, previousContactId: 'contact-1' })).toBe(true);
    expect(book.isAfterClose({ kind: 'queued', contactId: 'contact-2', at: 0 })).toBe(true);
    book.add(contact('contact-3'), false);
    expect(book.contacts.size).toBe(0);
    expect(book.isAfterClose({ kind: 'dialing', contactId: 'contact-3', at: 0 })).toBe(true);
  });
});
