import { exampleInteraction } from '@icc/protocol';
import { mapWrapUpSubmittedToCommand } from './map-wrap-up-submitted-to-command';

const inWrapUp = exampleInteraction({ state: 'wrap-up', agentId: 'agent-ada' });
const event = (wrapUpCode: string | undefined, wrapUpNotes?: string) => ({
  wrapUp: { external: true, recordId: 'ix-0001', recordTable: 'interaction', ...(wrapUpCode ? { wrapUpCode } : {}), ...(wrapUpNotes ? { wrapUpNotes } : {}) },
});

describe('mapWrapUpSubmittedToCommand', () => {
  it('submits an ICC reason code with the notes', () => {
    expect(mapWrapUpSubmittedToCommand(event('resolved', 'Refunded.'), inWrapUp)).toEqual({
      type: 'submit-wrap-up',
      interactionId: 'ix-0001',
      wrapUp: { reason: 'resolved', notes: 'Refunded.' },
    });
  });

  it('accepts the reason written as a label', () => {
    expect(mapWrapUpSubmittedToCommand(event('Follow up_required'), inWrapUp).wrapUp.reason).toBe('follow-up-required');
  });

  it('keeps a code ICC does not know at the head of the notes, as reason other', () => {
    expect(mapWrapUpSubmittedToCommand(event('Callback not needed', 'Customer fixed it.'), inWrapUp).wrapUp).toEqual({
      reason: 'other',
      notes: 'Callback not needed: Customer fixed it.',
    });
    expect(mapWrapUpSubmittedToCommand(event(undefined), inWrapUp).wrapUp).toEqual({ reason: 'other', notes: '' });
  });
});
