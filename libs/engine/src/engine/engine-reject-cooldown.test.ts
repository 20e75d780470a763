import { AGENTS, QUEUES, SECOND, createEngineHarness, interactionId, offers } from './__tests__/engine-fixtures';

const ix = interactionId(1);

describe('callback engine: a rejected offer cools down before the same agent sees it again', () => {
  it('goes to the next agent at once when another is free', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.presence(AGENTS.grace, 'available');
    expect(offers(h.request(1))).toEqual([[ix, AGENTS.ada]]);
    expect(offers(h.execute(AGENTS.ada, { type: 'reject', interactionId: ix }))).toEqual([[ix, AGENTS.grace]]);
  });

  it('waits one offer timeout before offering it again to a lone agent who rejected it', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.request(1);
    expect(offers(h.execute(AGENTS.ada, { type: 'reject', interactionId: ix }))).toEqual([]);
    expect(h.engine.interaction(ix)?.state).toBe('queued');
    expect(offers(h.advanceBy(29 * SECOND))).toEqual([]);
    expect(offers(h.advanceBy(1 * SECOND))).toEqual([[ix, AGENTS.ada]]);
  });

  it('still serves the next callback in line to the agent while the rejected one cools down', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.request(1);
    h.request(2);
    expect(offers(h.execute(AGENTS.ada, { type: 'reject', interactionId: ix }))).toEqual([[interactionId(2), AGENTS.ada]]);
  });

  it('holds an answered customer-first call for another agent rather than re-offering it to the one who rejected it', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.request(1, { queueId: QUEUES.customerFirst });
    h.telephony(ix, 'answered');
    expect(offers(h.execute(AGENTS.ada, { type: 'reject', interactionId: ix }))).toEqual([]);
    expect(offers(h.presence(AGENTS.grace, 'available'))).toEqual([[ix, AGENTS.grace]]);
  });
});
