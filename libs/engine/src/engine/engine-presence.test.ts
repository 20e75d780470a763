import { AGENTS, NUMBERS, QUEUES, SECOND, createEngineHarness, eventTypes, interactionId, offers, onlyEvent, testAgents } from './__tests__/engine-fixtures';

const ix = interactionId(1);

describe('callback engine: presence', () => {
  it('re-offers an open offer to the next agent when its agent goes away', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.presence(AGENTS.grace, 'available');
    h.request(1);
    const away = h.presence(AGENTS.ada, 'away');
    expect(eventTypes(away)).toEqual(['agent.presence-changed', 'interaction.offer-declined', 'interaction.offered']);
    expect(onlyEvent(away, 'interaction.offer-declined')).toMatchObject({ agentId: AGENTS.ada, cause: 'agent-unavailable' });
    expect(offers(away)).toEqual([[ix, AGENTS.grace]]);
  });

  it('keeps an offer queued when its agent goes offline and nobody else is free', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.request(1);
    expect(offers(h.presence(AGENTS.ada, 'offline'))).toEqual([]);
    expect(h.engine.interaction(ix)?.state).toBe('queued');
    expect(offers(h.presence(AGENTS.ada, 'available'))).toEqual([[ix, AGENTS.ada]]);
  });

  it('never offers a second callback to an agent busy with a call', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.request(1);
    h.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
    h.execute(AGENTS.ada, { type: 'dial', interactionId: ix, phoneNumber: NUMBERS.first });
    h.telephony(ix, 'answered');
    expect(offers(h.request(2))).toEqual([]);
    expect(offers(h.presence(AGENTS.grace, 'available'))).toEqual([[interactionId(2), AGENTS.grace]]);
  });

  it('leaves the agent on the call when they go away mid-call, and offers nothing on their return', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.request(1);
    h.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
    h.presence(AGENTS.ada, 'away');
    expect(h.engine.interaction(ix)).toMatchObject({ state: 'previewing', agentId: AGENTS.ada });
    h.request(2);
    expect(offers(h.presence(AGENTS.ada, 'available'))).toEqual([]);
  });

  it('routes to agents who start out available', () => {
    const agents = testAgents().map((agent) =>
      agent.id === AGENTS.grace ? { ...agent, presence: 'available' as const, availableSince: '2026-03-09T08:00:00Z' } : agent,
    );
    const h = createEngineHarness({ agents });
    expect(offers(h.request(1))).toEqual([[ix, AGENTS.grace]]);
  });

  it('offers an answered customer-first call to someone else when the reserved agent went away meanwhile', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.request(1, { queueId: QUEUES.customerFirst });
    h.presence(AGENTS.ada, 'away');
    h.presence(AGENTS.grace, 'available');
    h.advanceBy(5 * SECOND);
    expect(offers(h.telephony(ix, 'answered'))).toEqual([[ix, AGENTS.grace]]);
  });

  it('refuses an unknown agent', () => {
    const h = createEngineHarness();
    expect(() => h.presence('agent-nobody', 'available')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
