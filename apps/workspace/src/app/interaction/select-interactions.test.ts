import {
  EXAMPLE_IDS,
  connectedInteraction,
  noAnswerInteraction,
  offeredInteraction,
  previewingInteraction,
  wrapUpInteraction,
} from '../../testing/fixtures';
import { selectActiveInteractions, selectOffers, stateStartedAt } from './select-interactions';

describe('selectOffers', () => {
  it('keeps offers to this agent, oldest first', () => {
    const later = offeredInteraction({ id: 'ix-later', offeredAt: '2026-03-10T14:09:00Z' });
    const earlier = offeredInteraction({ id: 'ix-earlier' });
    const elsewhere = offeredInteraction({ id: 'ix-elsewhere', agentId: EXAMPLE_IDS.otherAgentId });
    expect(selectOffers([later, elsewhere, earlier, previewingInteraction()], EXAMPLE_IDS.agentId).map((i) => i.id)).toEqual([
      'ix-earlier',
      'ix-later',
    ]);
  });
});

describe('selectActiveInteractions', () => {
  it('puts a live call first, then wrap-up, then callbacks still to dial', () => {
    const active = selectActiveInteractions(
      [
        previewingInteraction({ id: 'ix-preview' }),
        wrapUpInteraction({ id: 'ix-wrap' }),
        connectedInteraction({ id: 'ix-call' }),
        offeredInteraction({ id: 'ix-offer' }),
      ],
      EXAMPLE_IDS.agentId,
    );
    expect(active.map((interaction) => interaction.id)).toEqual(['ix-call', 'ix-wrap', 'ix-preview']);
  });
});

describe('stateStartedAt', () => {
  it('times each state from the moment it began', () => {
    expect(stateStartedAt(previewingInteraction())).toBe('2026-03-10T14:06:12Z');
    expect(stateStartedAt(connectedInteraction())).toBe('2026-03-10T14:07:15Z');
    expect(stateStartedAt(noAnswerInteraction())).toBe('2026-03-10T14:07:32Z');
    expect(stateStartedAt(wrapUpInteraction())).toBe('2026-03-10T14:12:40Z');
    expect(stateStartedAt(offeredInteraction())).toBeUndefined();
  });
});
