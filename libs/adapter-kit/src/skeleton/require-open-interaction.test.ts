import { createFakeClock, IccError } from '@icc/core';
import { exampleCallback, exampleInteractionCreatedEvent, exampleInteractionEvent } from '@icc/protocol';
import { createInteractionBook } from './interaction-book';
import { requireOpenInteraction } from './require-open-interaction';

describe('requireOpenInteraction', () => {
  const created = exampleInteractionCreatedEvent();
  const noneStored = { getCallback: () => undefined };

  function refusal(attempt: () => unknown): IccError {
    try {
      attempt();
    } catch (error) {
      if (error instanceof IccError) return error;
    }
    throw new Error('expected an IccError');
  }

  it("finds the callback's open interaction in the book", () => {
    const book = createInteractionBook({ clock: createFakeClock('2026-03-10T14:00:00Z') });
    book.fold([created]);
    expect(requireOpenInteraction(book, noneStored, created.callbackId, 'cancel').id).toBe(created.interactionId);
  });

  it('refuses a callback closed in the gateway store as after close, and an unknown one as not found', () => {
    const book = createInteractionBook({ clock: createFakeClock('2026-03-10T14:00:00Z') });
    book.fold([created, exampleInteractionEvent('interaction.closed', { outcome: 'cancelled', by: 'customer' })]);
    const closed = refusal(() => requireOpenInteraction(book, { getCallback: () => exampleCallback() }, created.callbackId, 'reschedule'));
    expect(closed.toBody()).toMatchObject({ code: 'invalid_transition' });
    expect(closed.message).toContain('reschedule');
    const unknown = refusal(() => requireOpenInteraction(book, noneStored, 'cb-unknown', 'cancel'));
    expect(unknown.toBody()).toEqual({ code: 'not_found', message: 'Callback cb-unknown has no open interaction' });
  });
});
