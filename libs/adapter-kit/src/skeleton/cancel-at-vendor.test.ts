import { createFakeClock } from '@icc/core';
import { exampleCallback, exampleInteractionCreatedEvent, exampleInteractionEvent, type Interaction, type NewIccEvent } from '@icc/protocol';
import { cancelAtVendor } from './cancel-at-vendor';
import { createInteractionBook } from './interaction-book';

function open() {
  const clock = createFakeClock('2026-03-10T14:00:00Z');
  const book = createInteractionBook({ clock });
  book.fold([exampleInteractionCreatedEvent({ callback: exampleCallback() })]);
  const interaction = book.interactions()[0] as Interaction;
  const calls: string[] = [];
  const emitted: NewIccEvent[] = [];
  const cancel = {
    book,
    actor: 'api' as const,
    reason: 'Customer called in',
    now: () => clock.now(),
    stopWork: async () => void calls.push('stop'),
    emit: async (decide: () => NewIccEvent[]) => {
      const events = decide();
      emitted.push(...events);
      book.fold(events);
      return events.map((event, seq) => ({ ...event, seq }));
    },
  };
  return { book, interaction, calls, emitted, cancel };
}

describe('cancelAtVendor', () => {
  it("stops the vendor's work item, then stores core's cancel event", async () => {
    const { interaction, calls, emitted, cancel } = open();
    await cancelAtVendor(interaction, cancel);
    expect(calls).toEqual(['stop']);
    expect(emitted).toEqual([expect.objectContaining({ type: 'interaction.closed', outcome: 'cancelled', by: 'api', interactionId: interaction.id })]);
  });

  it('refuses before the vendor is touched when someone is talking to the customer', async () => {
    const { interaction, calls, cancel } = open();
    await expect(cancelAtVendor({ ...interaction, state: 'connected' }, cancel)).rejects.toMatchObject({ code: 'invalid_transition' });
    expect(calls).toEqual([]);
  });

  it("stores nothing when the vendor's news closed the interaction while it was being stopped", async () => {
    const { book, interaction, emitted, cancel } = open();
    const ids = { interactionId: interaction.id, callbackId: interaction.callbackId };
    const stopWork = async () => book.fold([exampleInteractionEvent('interaction.closed', { ...ids, outcome: 'cancelled', by: 'system' })]);
    expect(await cancelAtVendor(interaction, { ...cancel, stopWork })).toEqual([]);
    expect(emitted).toEqual([]);
  });
});
