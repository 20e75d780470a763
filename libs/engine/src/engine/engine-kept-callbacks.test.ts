import { AGENTS, HOUR, MINUTE, NUMBERS, QUEUES, createEngineHarness, iso, interactionId, offers, onlyEvent, restartEngine, openInteractions } from './__tests__/engine-fixtures';

const ix = interactionId(1);

describe('callback engine: a callback an agent keeps for themselves ("call me back Tuesday")', () => {
  it('offers a kept callback only to its agent, even when another agent has waited longer', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.grace, 'available');
    h.advanceBy(MINUTE);
    expect(offers(h.request(1, { assignedAgentId: AGENTS.ada }))).toEqual([]);
    expect(h.engine.interaction(ix)?.state).toBe('queued');

    expect(offers(h.presence(AGENTS.ada, 'available'))).toEqual([[ix, AGENTS.ada]]);
  });

  it('comes back to the same agent after they decline it, not to the next free one', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.presence(AGENTS.grace, 'available');
    h.request(1, { assignedAgentId: AGENTS.grace });
    const declined = h.execute(AGENTS.grace, { type: 'reject', interactionId: ix });
    expect(offers(declined).map(([, agent]) => agent)).not.toContain(AGENTS.ada);
  });

  it('a scheduled kept callback waits for its start, then goes to its agent', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.presence(AGENTS.grace, 'available');
    const start = h.now() + 2 * HOUR;
    h.request(1, { assignedAgentId: AGENTS.grace, schedule: { type: 'scheduled', start: iso(start) } });
    expect(h.advanceTo(start - 1)).toEqual([]);
    expect(offers(h.advanceTo(start))).toEqual([[ix, AGENTS.grace]]);
  });

  it('the agent reschedules after no answer and keeps it: the new start offers it to them only', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.request(1);
    h.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
    h.execute(AGENTS.ada, { type: 'dial', interactionId: ix, phoneNumber: NUMBERS.first });
    h.telephony(ix, 'no-answer');
    const start = h.now() + HOUR;
    const rescheduled = h.execute(AGENTS.ada, { type: 'reschedule', interactionId: ix, start: iso(start), assignedAgentId: AGENTS.ada });
    expect(onlyEvent(rescheduled, 'interaction.rescheduled').assignedAgentId).toBe(AGENTS.ada);
    expect(h.engine.callback('cb-1')?.assignedAgentId).toBe(AGENTS.ada);

    h.presence(AGENTS.ada, 'away');
    h.presence(AGENTS.grace, 'available');
    expect(offers(h.advanceTo(start))).toEqual([]);
    expect(offers(h.presence(AGENTS.ada, 'available'))).toEqual([[ix, AGENTS.ada]]);
  });

  it('a customer-first kept callback dials the customer with its agent reserved', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.grace, 'available');
    h.presence(AGENTS.ada, 'available');
    const dialing = onlyEvent(h.request(1, { queueId: QUEUES.customerFirst, assignedAgentId: AGENTS.grace }), 'interaction.dialing');
    expect(dialing.agentId).toBe(AGENTS.grace);
  });

  it('still goes to its agent after a restart', () => {
    const h = createEngineHarness();
    h.request(1, { assignedAgentId: AGENTS.ada });
    const { h: restarted } = restartEngine(h);
    expect(openInteractions(restarted).map((interaction) => interaction.id)).toEqual([ix]);
    restarted.presence(AGENTS.grace, 'available');
    expect(offers(restarted.log)).toEqual([]);
    expect(offers(restarted.presence(AGENTS.ada, 'available'))).toEqual([[ix, AGENTS.ada]]);
  });

  it('a supervisor reassigns a waiting callback: from its new start it is offered to that agent only', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.grace, 'available');
    const start = h.now() + HOUR;
    h.request(1, { schedule: { type: 'scheduled', start: iso(start) } });
    h.engine.reschedule('cb-1', { start: iso(start), assignedAgentId: AGENTS.ada }, 'api', h.now());
    expect(h.engine.callback('cb-1')?.assignedAgentId).toBe(AGENTS.ada);
    expect(offers(h.advanceTo(start))).toEqual([]);
    expect(offers(h.presence(AGENTS.ada, 'available'))).toEqual([[ix, AGENTS.ada]]);
  });

  it('released to the queue (assignedAgentId null), a kept callback goes to whoever of the queue is free', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.grace, 'available');
    const start = h.now() + HOUR;
    h.request(1, { assignedAgentId: AGENTS.ada, schedule: { type: 'scheduled', start: iso(start) } });
    h.engine.reschedule('cb-1', { start: iso(start), assignedAgentId: null }, 'api', h.now());
    expect(h.engine.callback('cb-1')).not.toHaveProperty('assignedAgentId');
    expect(offers(h.advanceTo(start))).toEqual([[ix, AGENTS.grace]]);
  });
});
