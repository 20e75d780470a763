import { createInteractionStore } from '@icc/client';
import { exampleAgent, exampleInteraction, exampleSnapshotFrame, exampleWelcomeFrame, type Interaction } from '@icc/protocol';
import { IcContextCall } from '../contract/ic-context-call';
import { buildIcContexts } from './build-ic-contexts';

const ADA = { agentId: 'agent-ada', sysUserId: 'sn-user-ada', displayName: 'Ada Lovelace' };

function contextsFor(interactions: Interaction[], transferFailed: ReadonlySet<string> = new Set()) {
  const store = createInteractionStore();
  store.apply(exampleWelcomeFrame({ agent: exampleAgent({ presence: 'available' }) }));
  store.apply(exampleSnapshotFrame({ interactions }));
  const calls = buildIcContexts(store.getState(), ADA, transferFailed);
  for (const call of calls) expect(IcContextCall.safeParse(call).error).toBeUndefined();
  return calls;
}

describe('buildIcContexts', () => {
  it('shows the idle dial pad with the ICC presence when nothing is offered or open', () => {
    expect(contextsFor([])).toEqual([
      { type: 'offerContext', context: { offerContext: [] } },
      { type: 'activeCall', context: { activeCall: [] } },
      {
        type: 'idleState',
        context: expect.objectContaining({ dialpadInfoMessage: { label: 'ICC presence:', value: 'Available' }, capability: expect.objectContaining({ logOut: true, outBoundCall: false }) }),
      },
    ]);
  });

  it("lists only this agent's offers and open interactions, oldest first, and no idle state while one is open", () => {
    const calls = contextsFor([
      exampleInteraction({ id: 'ix-late', state: 'connected', agentId: 'agent-ada', requestedAt: '2026-03-10T14:09:00Z', connectedAt: '2026-03-10T14:10:00Z' }),
      exampleInteraction({ id: 'ix-early', state: 'wrap-up', agentId: 'agent-ada', requestedAt: '2026-03-10T14:01:00Z' }),
      exampleInteraction({ id: 'ix-offer', state: 'offered', agentId: 'agent-ada' }),
      exampleInteraction({ id: 'ix-grace', state: 'connected', agentId: 'agent-grace' }),
      exampleInteraction({ id: 'ix-closed', state: 'closed', agentId: 'agent-ada' }),
      exampleInteraction({ id: 'ix-queued', state: 'queued' }),
    ]);
    expect(calls.map((call) => call.type)).toEqual(['offerContext', 'activeCall']);
    const [offers, active] = calls;
    expect(offers?.type === 'offerContext' && offers.context.offerContext.map((offer) => offer.externalId)).toEqual(['ix-offer']);
    expect(active?.type === 'activeCall' && active.context.activeCall.map((call) => call.externalId)).toEqual(['ix-early', 'ix-late']);
  });

  it('marks only the interaction whose transfer was refused', () => {
    const calls = contextsFor(
      [exampleInteraction({ id: 'ix-a', state: 'previewing', agentId: 'agent-ada' }), exampleInteraction({ id: 'ix-b', state: 'previewing', agentId: 'agent-ada' })],
      new Set(['ix-b']),
    );
    const active = calls.find((call) => call.type === 'activeCall');
    expect(active?.type === 'activeCall' && active.context.activeCall.map((call) => call.currentParticipant.capabilities?.callbackTransferStatus)).toEqual(['', 'Failed']);
  });
});
