import { exampleInteraction, type InteractionState, type RoutingMode } from '@icc/protocol';
import { decideCancel } from './decide-cancel';
import { refusalOf } from './refusal-of.test-support';

const NOW = Date.parse('2026-03-10T14:20:00.000Z');

describe('decideCancel', () => {
  it.each<[RoutingMode, InteractionState]>([
    ['agent-first', 'scheduled'],
    ['agent-first', 'queued'],
    ['agent-first', 'offered'],
    ['agent-first', 'previewing'],
    ['agent-first', 'transferring'],
    ['agent-first', 'dialing'],
    ['agent-first', 'no-answer'],
    ['customer-first', 'queued'],
    ['customer-first', 'dialing'],
    ['customer-first', 'retry-wait'],
    ['customer-first', 'offered'],
  ])('%s: closes a %s interaction as cancelled by the actor', (mode, state) => {
    const event = decideCancel(exampleInteraction({ mode, state }), { actor: 'customer', reason: 'Solved by chat', now: NOW });
    expect(event).toEqual({
      type: 'interaction.closed',
      interactionId: 'ix-0001',
      callbackId: 'cb-0001',
      at: '2026-03-10T14:20:00.000Z',
      outcome: 'cancelled',
      by: 'customer',
      detail: 'Solved by chat',
    });
  });

  it('says "Cancelled" when no reason is given', () => {
    expect(decideCancel(exampleInteraction(), { actor: 'api', now: NOW })).toMatchObject({ by: 'api', detail: 'Cancelled' });
  });

  it.each<[RoutingMode, InteractionState, string]>([
    ['agent-first', 'connected', '"cancel" is not allowed while the interaction is connected (agent-first)'],
    ['agent-first', 'on-hold', '"cancel" is not allowed while the interaction is on-hold (agent-first)'],
    ['agent-first', 'wrap-up', '"cancel" is not allowed while the interaction is wrap-up (agent-first)'],
    ['customer-first', 'wrap-up', '"cancel" is not allowed while the interaction is wrap-up (customer-first)'],
    ['agent-first', 'closed', '"cancel" is not allowed while the interaction is closed (agent-first)'],
    // States the traits call cancellable that customer-first never enters: its table has no close there.
    ['customer-first', 'previewing', '"cancel" is not allowed while the interaction is previewing (customer-first)'],
    ['customer-first', 'transferring', '"cancel" is not allowed while the interaction is transferring (customer-first)'],
  ])('%s: refuses to cancel while %s', (mode, state, message) => {
    const error = refusalOf(() => decideCancel(exampleInteraction({ mode, state }), { actor: 'agent', now: NOW }));
    expect(error.toBody()).toEqual({ code: 'invalid_transition', message });
  });
});
