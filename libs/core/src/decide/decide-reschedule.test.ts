import { exampleCapabilities, exampleInteraction, type InteractionState } from '@icc/protocol';
import { decideReschedule, type RescheduleCommand } from './decide-reschedule';
import { refusalOf } from './refusal-of.test-support';

const NOW = Date.parse('2026-03-10T14:20:00.000Z');

function command(overrides: Partial<RescheduleCommand> = {}): RescheduleCommand {
  return { request: { start: '2026-03-11T09:00:00Z' }, actor: 'agent', capabilities: exampleCapabilities(), now: NOW, ...overrides };
}

describe('decideReschedule', () => {
  it.each<InteractionState>(['scheduled', 'queued', 'previewing', 'no-answer'])('moves an agent-first %s interaction to the new start', (state) => {
    expect(decideReschedule(exampleInteraction({ state }), command())).toStrictEqual({
      type: 'interaction.rescheduled',
      interactionId: 'ix-0001',
      callbackId: 'cb-0001',
      at: '2026-03-10T14:20:00.000Z',
      scheduledAt: '2026-03-11T09:00:00Z',
      by: 'agent',
    });
  });

  it('keeps the window end and the actor', () => {
    const request = { start: '2026-03-11T09:00:00Z', windowEnd: '2026-03-11T10:00:00Z' };
    expect(decideReschedule(exampleInteraction(), command({ request, actor: 'customer' }))).toMatchObject({
      windowEnd: '2026-03-11T10:00:00Z',
      by: 'customer',
    });
  });

  it.each([
    [{ reschedule: false }],
    [{ scheduled: false }],
  ])('refuses when the vendor cannot reschedule (%j)', (missing) => {
    const error = refusalOf(() => decideReschedule(exampleInteraction(), command({ capabilities: exampleCapabilities(missing) })));
    expect(error.toBody()).toEqual({ code: 'capability_unsupported', message: 'This vendor does not support rescheduling callbacks' });
  });

  it.each<InteractionState>(['offered', 'dialing', 'connected', 'wrap-up', 'closed'])('refuses while %s', (state) => {
    const error = refusalOf(() => decideReschedule(exampleInteraction({ state }), command()));
    expect(error.toBody()).toEqual({
      code: 'invalid_transition',
      message: `"reschedule" is not allowed while the interaction is ${state} (agent-first)`,
    });
  });

  it.each(['2026-03-10T14:20:00.000Z', '2026-03-10T09:00:00Z'])('refuses a start that is not in the future (%s)', (start) => {
    const error = refusalOf(() => decideReschedule(exampleInteraction(), command({ request: { start } })));
    expect(error.toBody()).toEqual({
      code: 'validation_failed',
      message: 'start must be in the future',
      issues: [{ path: ['start'], message: 'Must be in the future', code: 'custom' }],
    });
  });

  it('checks the vendor first, then the state, then the start', () => {
    const past = { request: { start: '2026-03-10T09:00:00Z' } };
    const connected = exampleInteraction({ state: 'connected' });
    expect(refusalOf(() => decideReschedule(connected, command({ ...past, capabilities: exampleCapabilities({ reschedule: false }) }))).code).toBe(
      'capability_unsupported',
    );
    expect(refusalOf(() => decideReschedule(connected, command(past))).code).toBe('invalid_transition');
  });
});
