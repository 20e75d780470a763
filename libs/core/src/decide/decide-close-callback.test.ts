import { exampleInteraction } from '@icc/protocol';
import { decideCloseCallback } from './decide-close-callback';

const NOW = Date.parse('2026-03-10T14:20:00.000Z');

describe('decideCloseCallback', () => {
  it('closes a callback solved in preview as completed by the agent, with reason and notes', () => {
    const event = decideCloseCallback(exampleInteraction({ state: 'previewing' }), {
      reason: { code: 'product-issue' },
      notes: 'Fixed itself',
      now: NOW,
    });
    expect(event).toEqual({
      type: 'interaction.closed',
      interactionId: 'ix-0001',
      callbackId: 'cb-0001',
      at: '2026-03-10T14:20:00.000Z',
      outcome: 'completed',
      by: 'agent',
      closeReason: { code: 'product-issue' },
      detail: 'Fixed itself',
    });
  });

  it('closes after a failed dial as no-answer, without reason or notes', () => {
    expect(decideCloseCallback(exampleInteraction({ state: 'no-answer' }), { now: NOW })).toEqual({
      type: 'interaction.closed',
      interactionId: 'ix-0001',
      callbackId: 'cb-0001',
      at: '2026-03-10T14:20:00.000Z',
      outcome: 'no-answer',
      by: 'agent',
    });
  });

  it('keeps the first 500 characters of longer notes (the event’s detail limit)', () => {
    const notes = `${'a'.repeat(499)}bc`;
    const event = decideCloseCallback(exampleInteraction({ state: 'previewing' }), { notes, now: NOW });
    expect(event.detail).toBe(`${'a'.repeat(499)}b`);
  });
});
