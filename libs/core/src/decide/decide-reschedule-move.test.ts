import { exampleCallback, exampleCapabilities, exampleInteraction, exampleQueueConfig } from '@icc/protocol';
import { reduceCallback } from '../state-machine/reduce-callback';
import { reduceInteraction } from '../state-machine/reduce-interaction';
import { decideReschedule, type RescheduleCommand } from './decide-reschedule';

const NOW = Date.parse('2026-03-10T14:20:00.000Z');
const billing = exampleQueueConfig({ id: 'q-billing', name: 'Billing', defaultMode: 'agent-first' });

function command(overrides: Partial<RescheduleCommand> = {}): RescheduleCommand {
  return {
    request: { start: '2026-03-11T09:00:00Z', queueId: 'q-billing', phoneNumbers: ['+14155550199'] },
    actor: 'api',
    capabilities: { ...exampleCapabilities(), rescheduleMove: true },
    now: NOW,
    queue: billing,
    ...overrides,
  };
}

describe('reschedule that moves the callback (issue 14: PatchCallbackRequest queueId / callbackNumbers)', () => {
  it('carries the new queue and numbers, and both read models take them', () => {
    const interaction = exampleInteraction({ state: 'queued' });
    const event = decideReschedule(interaction, command());
    expect(event).toMatchObject({ queueId: 'q-billing', queueName: 'Billing', phoneNumbers: ['+14155550199'] });
    const moved = reduceInteraction(interaction, event);
    expect(moved).toMatchObject({ state: 'scheduled', queueId: 'q-billing', card: { queueId: 'q-billing', queueName: 'Billing', phoneNumbers: ['+14155550199'] } });
    expect(reduceCallback(exampleCallback(), event)).toMatchObject({ queueId: 'q-billing', customer: { phoneNumbers: ['+14155550199'] } });
  });

  it('is refused by a vendor without rescheduleMove, for an unknown queue, and for a queue of the other mode', () => {
    const interaction = exampleInteraction({ state: 'queued' });
    expect(() => decideReschedule(interaction, command({ capabilities: exampleCapabilities() }))).toThrow(expect.objectContaining({ code: 'capability_unsupported' }));
    expect(() => decideReschedule(interaction, command({ queue: undefined }))).toThrow(expect.objectContaining({ code: 'not_found', issues: [expect.objectContaining({ path: ['queueId'] })] }));
    expect(() => decideReschedule(interaction, command({ queue: { ...billing, defaultMode: 'customer-first' } }))).toThrow(
      expect.objectContaining({ code: 'validation_failed', issues: [expect.objectContaining({ path: ['queueId'] })] }),
    );
  });

  it('a change of numbers alone also needs rescheduleMove, and a change of queue alone is checked against that queue', () => {
    const interaction = exampleInteraction({ state: 'queued' });
    const numbersOnly = { start: '2026-03-11T09:00:00Z', phoneNumbers: ['+14155550199'] };
    expect(() => decideReschedule(interaction, command({ request: numbersOnly, capabilities: exampleCapabilities() }))).toThrow(
      expect.objectContaining({ code: 'capability_unsupported' }),
    );
    expect(decideReschedule(interaction, command({ request: numbersOnly, queue: undefined }))).toMatchObject({ phoneNumbers: ['+14155550199'] });
    const queueOnly = { start: '2026-03-11T09:00:00Z', queueId: 'q-billing' };
    expect(() => decideReschedule(interaction, command({ request: queueOnly, queue: undefined }))).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => decideReschedule(interaction, command({ request: queueOnly, capabilities: exampleCapabilities() }))).toThrow(
      expect.objectContaining({ code: 'capability_unsupported' }),
    );
  });

  it('hands the callback to the agent the request names (assignedAgentId)', () => {
    const request = { start: '2026-03-11T09:00:00Z', assignedAgentId: 'agent-ada' };
    expect(decideReschedule(exampleInteraction({ state: 'queued' }), command({ request }))).toMatchObject({ assignedAgentId: 'agent-ada' });
  });

  it('a plain reschedule needs no rescheduleMove and changes neither', () => {
    const event = decideReschedule(exampleInteraction({ state: 'queued' }), command({ request: { start: '2026-03-11T09:00:00Z' }, capabilities: exampleCapabilities() }));
    expect(event).not.toHaveProperty('queueId');
    expect(event).not.toHaveProperty('phoneNumbers');
    expect(event).not.toHaveProperty('assignedAgentId');
  });
});
