import { exampleAgentCommand, exampleInteraction } from '@icc/protocol';
import { decideCallControl } from './decide-call-control';

const NOW = Date.parse('2026-03-10T14:10:00Z');
const interaction = exampleInteraction({ state: 'connected' });
const ids = { interactionId: interaction.id, callbackId: interaction.callbackId, at: '2026-03-10T14:10:00.000Z' };

describe('decideCallControl', () => {
  it.each([
    ['mute', { type: 'interaction.muted', muted: true }],
    ['unmute', { type: 'interaction.muted', muted: false }],
    ['record-start', { type: 'interaction.recording', recording: true }],
    ['record-stop', { type: 'interaction.recording', recording: false }],
  ] as const)('records %s', (type, event) => {
    expect(decideCallControl(interaction, exampleAgentCommand(type, { interactionId: interaction.id }), NOW)).toEqual({ ...ids, ...event });
  });

  it('records the digits sent', () => {
    expect(decideCallControl(interaction, exampleAgentCommand('send-dtmf', { interactionId: interaction.id, digits: '12#' }), NOW)).toEqual({ ...ids, type: 'interaction.dtmf-sent', digits: '12#' });
  });

  it('closes on the wrap-up: completed, or transferred after a transfer to an outside number', () => {
    const wrapUp = { reason: 'resolved' as const, notes: 'Fixed the router' };
    const command = exampleAgentCommand('submit-wrap-up', { interactionId: interaction.id, wrapUp });
    expect(decideCallControl(interaction, command, NOW)).toEqual({ ...ids, type: 'interaction.closed', outcome: 'completed', by: 'agent', wrapUp });
    expect(decideCallControl({ ...interaction, transferredToNumber: '+14155550100' }, command, NOW)).toMatchObject({ outcome: 'transferred' });
  });
});
