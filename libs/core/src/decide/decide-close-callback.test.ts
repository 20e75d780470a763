import { exampleInteraction } from '@icc/protocol';
import { decideCloseCallback } from './decide-close-callback';

const NOW = Date.parse('2026-03-10T14:20:00.000Z');

describe('decideCloseCallback', () => {
  it('closes a callback solved in preview as cancelled (nobody was called) by the agent, with reason and notes', () => {
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
      outcome: 'cancelled',
      by: 'agent',
      closeReason: { code: 'product-issue' },
      detail: 'Fixed itself',
    });
  });

  it('closes after a failed dial as no-answer, without reason or notes', () => {
    const attempts = [{ attempt: 1, phoneNumber: '+14155552671', startedAt: '2026-03-10T14:19:00.000Z', outcome: 'no-answer' as const }];
    const event = decideCloseCallback(exampleInteraction({ state: 'no-answer', attempts }), { now: NOW });
    expect(event).toEqual({
      type: 'interaction.closed',
      interactionId: 'ix-0001',
      callbackId: 'cb-0001',
      at: '2026-03-10T14:20:00.000Z',
      outcome: 'no-answer',
      by: 'agent',
    });
    expect(event).not.toHaveProperty('closeReason');
    expect(event).not.toHaveProperty('detail');
  });

  it('closes as completed when the customer was called before and the callback is back in preview (rescheduled, offered again)', () => {
    const attempts = [{ attempt: 1, phoneNumber: '+14155552671', startedAt: '2026-03-10T10:00:00.000Z', outcome: 'no-answer' as const }];
    expect(decideCloseCallback(exampleInteraction({ state: 'previewing', attempts }), { now: NOW }).outcome).toBe('completed');
  });

  it('keeps the first 500 characters of longer notes (the event’s detail limit)', () => {
    const notes = `${'a'.repeat(499)}bc`;
    const event = decideCloseCallback(exampleInteraction({ state: 'previewing' }), { notes, now: NOW });
    expect(event.detail).toBe(`${'a'.repeat(499)}b`);
  });
});
