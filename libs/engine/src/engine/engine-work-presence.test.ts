import type { NewIccEvent } from '@icc/protocol';
import { AGENTS, NUMBERS, createEngineHarness, interactionId, offers, testAgents } from './__tests__/engine-fixtures';

const ix = interactionId(1);

function presenceChanges(events: readonly NewIccEvent[]) {
  return events.flatMap((event) =>
    event.type === 'agent.presence-changed' ? [{ agentId: event.agentId, presence: event.presence, previous: event.previous, chosen: event.chosen }] : [],
  );
}

function onCall() {
  const h = createEngineHarness();
  h.presence(AGENTS.ada, 'available');
  h.request(1);
  return h;
}

describe('callback engine: presence follows the work', () => {
  it('shows Busy from accept through the call, After-call work in wrap-up, and restores Available at close', () => {
    const h = onCall();
    expect(h.engine.agent(AGENTS.ada)?.presence).toBe('available');
    expect(presenceChanges(h.execute(AGENTS.ada, { type: 'accept', interactionId: ix }))).toEqual([
      { agentId: AGENTS.ada, presence: 'busy', previous: 'available', chosen: 'available' },
    ]);
    const busySince = h.engine.agent(AGENTS.ada)?.presenceSince;
    expect(busySince).toBe(new Date(h.now()).toISOString());
    h.advanceBy(5_000);
    expect(presenceChanges(h.execute(AGENTS.ada, { type: 'dial', interactionId: ix, phoneNumber: NUMBERS.first }))).toEqual([]);
    expect(presenceChanges(h.telephony(ix, 'answered'))).toEqual([]);
    expect(h.engine.agent(AGENTS.ada)?.presenceSince).toBe(busySince);

    expect(presenceChanges(h.execute(AGENTS.ada, { type: 'end-call', interactionId: ix }))).toEqual([
      { agentId: AGENTS.ada, presence: 'wrap-up', previous: 'busy', chosen: 'available' },
    ]);
    const closed = h.execute(AGENTS.ada, { type: 'submit-wrap-up', interactionId: ix, wrapUp: { reason: 'other', notes: '' } });
    expect(presenceChanges(closed)).toEqual([{ agentId: AGENTS.ada, presence: 'available', previous: 'wrap-up', chosen: undefined }]);
    expect(h.engine.agent(AGENTS.ada)).toMatchObject({ presence: 'available', availableSince: new Date(h.now()).toISOString() });
    expect(h.engine.agent(AGENTS.ada)?.chosenPresence).toBeUndefined();
  });

  it('keeps a presence chosen during the work for when it ends, and offers nothing meanwhile', () => {
    const h = onCall();
    h.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
    expect(presenceChanges(h.presence(AGENTS.ada, 'away'))).toEqual([
      { agentId: AGENTS.ada, presence: 'busy', previous: 'busy', chosen: 'away' },
    ]);
    expect(h.engine.agent(AGENTS.ada)).toMatchObject({ presence: 'busy', chosenPresence: 'away' });
    expect(presenceChanges(h.execute(AGENTS.ada, { type: 'close-callback', interactionId: ix }))).toEqual([
      { agentId: AGENTS.ada, presence: 'away', previous: 'busy', chosen: undefined },
    ]);
    expect(offers(h.request(2))).toEqual([]);
  });

  it('shows the consulted agent Busy while on the call, and Available again when the consult ends', () => {
    const h = onCall();
    h.presence(AGENTS.grace, 'available');
    h.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
    h.execute(AGENTS.ada, { type: 'dial', interactionId: ix, phoneNumber: NUMBERS.first });
    h.telephony(ix, 'answered');
    const consult = h.execute(AGENTS.ada, { type: 'consult-call', interactionId: ix, agentId: AGENTS.grace });
    expect(presenceChanges(consult)).toContainEqual({ agentId: AGENTS.grace, presence: 'busy', previous: 'available', chosen: 'available' });
    const cancelled = h.execute(AGENTS.ada, { type: 'cancel-consult', interactionId: ix });
    expect(presenceChanges(cancelled)).toContainEqual({ agentId: AGENTS.grace, presence: 'available', previous: 'busy', chosen: undefined });
  });

  it('after a restart, gives an agent shown Busy whose work is gone their chosen presence back', () => {
    // A store that saw the busy state but not its end (the last events were lost with the process).
    const agents = testAgents().map((agent) =>
      agent.id === AGENTS.ada ? { ...agent, presence: 'busy' as const, chosenPresence: 'away' as const } : agent,
    );
    const h = createEngineHarness({ agents });
    const restored = h.engine.restore([], () => undefined, h.now());
    expect(presenceChanges(restored)).toEqual([{ agentId: AGENTS.ada, presence: 'away', previous: 'busy', chosen: undefined }]);
  });

  it('counts agents busy with a callback as staffing the queue in the estimated wait', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.presence(AGENTS.grace, 'available');
    const [[first, firstAgent] = [], [second, secondAgent] = []] = [...offers(h.request(1)), ...offers(h.request(2))];
    if (!first || !firstAgent || !second || !secondAgent) throw new Error('both agents should hold an offer');
    h.execute(firstAgent, { type: 'accept', interactionId: first });
    h.execute(secondAgent, { type: 'accept', interactionId: second });
    h.request(3);
    expect(h.engine.agent(AGENTS.ada)?.presence).toBe('busy');
    // Two agents staff the queue though both are busy: the next in line waits about half a handling time.
    expect(h.engine.queuePosition('cb-3', h.now())).toEqual({ position: 1, estimatedWaitSeconds: 120 });
  });
});
