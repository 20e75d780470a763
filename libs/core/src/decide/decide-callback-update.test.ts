import { exampleInteraction } from '@icc/protocol';
import { decideCallbackUpdate } from './decide-callback-update';
import { refusalOf } from './refusal-of.test-support';

const NOW = Date.parse('2026-03-10T14:00:00Z');

describe('decideCallbackUpdate', () => {
  it('records the changes on an open interaction', () => {
    const interaction = exampleInteraction({ state: 'queued' });
    expect(decideCallbackUpdate(interaction, { changes: { shortDescription: 'New' }, now: NOW })).toEqual({
      type: 'callback.updated',
      interactionId: interaction.id,
      callbackId: interaction.callbackId,
      at: '2026-03-10T14:00:00.000Z',
      changes: { shortDescription: 'New' },
    });
  });

  it('refuses a closed interaction as an invalid transition', () => {
    const error = refusalOf(() => decideCallbackUpdate(exampleInteraction({ state: 'closed' }), { changes: {}, now: NOW }));
    expect(error.toBody()).toEqual({ code: 'invalid_transition', message: '"callback.updated" is not allowed while the interaction is closed (agent-first)' });
  });
});
