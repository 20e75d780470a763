import { AGENTS, QUEUES, SECOND, createEngineHarness, interactionId, iso, onlyEvent } from './__tests__/engine-fixtures';

const ix = interactionId(1);

/** Ada's auto-dial callback, answered and ended by the customer: wrap-up closes itself 60 s later. */
function inWrapUp() {
  const h = createEngineHarness();
  h.presence(AGENTS.ada, 'available');
  h.request(1, { queueId: QUEUES.auto });
  h.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
  h.advanceBy(15 * SECOND);
  h.telephony(ix, 'answered');
  h.advanceBy(30 * SECOND);
  const endedAt = h.now();
  h.telephony(ix, 'customer-hangup');
  return { h, endedAt };
}

describe('callback engine: extending after-call work', () => {
  it('moves the automatic close later; the old deadline passes quietly, the new one closes', () => {
    const { h, endedAt } = inWrapUp();
    h.advanceBy(20 * SECOND);
    const extended = onlyEvent(h.execute(AGENTS.ada, { type: 'extend-wrap-up', interactionId: ix, seconds: 120 }), 'interaction.wrap-up-extended');
    expect(extended).toMatchObject({ agentId: AGENTS.ada, autoCloseAt: iso(endedAt + 180 * SECOND), extendedBySeconds: 120 });
    expect(h.engine.interaction(ix)?.autoCloseAt).toBe(iso(endedAt + 180 * SECOND));

    expect(h.advanceTo(endedAt + 180 * SECOND - 1)).toEqual([]);
    expect(onlyEvent(h.advanceTo(endedAt + 180 * SECOND), 'interaction.closed')).toMatchObject({ by: 'system', outcome: 'completed' });
  });

  it('is refused without a deadline (manual queue) and for another agent', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.request(1);
    h.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
    h.execute(AGENTS.ada, { type: 'dial', interactionId: ix, phoneNumber: h.engine.interaction(ix)?.card.phoneNumbers[0] as string });
    h.telephony(ix, 'answered');
    h.execute(AGENTS.ada, { type: 'end-call', interactionId: ix });
    expect(h.engine.interaction(ix)?.state).toBe('wrap-up');
    expect(() => h.execute(AGENTS.ada, { type: 'extend-wrap-up', interactionId: ix, seconds: 60 })).toThrow(expect.objectContaining({ code: 'invalid_transition' }));

    const { h: other } = inWrapUp();
    expect(() => other.execute(AGENTS.grace, { type: 'extend-wrap-up', interactionId: ix, seconds: 60 })).toThrow();
  });
});
