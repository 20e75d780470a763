import { InteractionState } from './interaction-state';
import { INTERACTION_STATE_TRAITS, statesWhere } from './interaction-state-traits';

// Expected lists are ICC's rules written out by hand (docs/architecture.md, "State traits"), not read from the table.
describe('INTERACTION_STATE_TRAITS', () => {
  it('has a row for every interaction state', () => {
    expect(Object.keys(INTERACTION_STATE_TRAITS).sort()).toEqual([...InteractionState.options].sort());
  });

  it.each([
    ['holdsAgent', ['offered', 'previewing', 'transferring', 'dialing', 'connected', 'on-hold', 'no-answer', 'wrap-up']],
    ['acceptedByAgent', ['previewing', 'transferring', 'dialing', 'connected', 'on-hold', 'no-answer', 'wrap-up']],
    ['expirable', ['scheduled', 'queued', 'no-answer', 'retry-wait']],
    ['cancellable', ['scheduled', 'queued', 'offered', 'previewing', 'transferring', 'dialing', 'no-answer', 'retry-wait']],
    ['liveCall', ['connected', 'on-hold']],
    ['awaitsVendor', ['offered', 'transferring', 'dialing', 'retry-wait']],
    ['terminal', ['closed']],
  ] as const)('%s holds in exactly %j', (trait, states) => {
    expect(statesWhere(trait)).toEqual(states);
  });

  it('never lets a live call or a closed interaction be cancelled', () => {
    for (const state of InteractionState.options) {
      const traits = INTERACTION_STATE_TRAITS[state];
      if (traits.liveCall || traits.terminal) expect(traits.cancellable).toBe(false);
    }
  });
});
