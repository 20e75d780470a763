import { AGENTS, NUMBERS, createEngineHarness, eventTypes, interactionId, offers, onlyEvent } from './__tests__/engine-fixtures';

const ix = interactionId(1);

function adaOnTheCall() {
  const h = createEngineHarness();
  h.presence(AGENTS.ada, 'available');
  h.request(1);
  h.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
  h.execute(AGENTS.ada, { type: 'dial', interactionId: ix, phoneNumber: NUMBERS.first });
  h.telephony(ix, 'answered');
  h.presence(AGENTS.grace, 'available');
  return h;
}

describe('callback engine: call transfer', () => {
  it('blind-transfers the live call; the receiver owns it and the sender is free', () => {
    const h = adaOnTheCall();
    const transferred = onlyEvent(
      h.execute(AGENTS.ada, { type: 'transfer-call', interactionId: ix, agentId: AGENTS.grace }),
      'interaction.call-transferred',
    );
    expect(transferred).toMatchObject({ fromAgentId: AGENTS.ada, toAgentId: AGENTS.grace, method: 'blind' });
    expect(h.engine.interaction(ix)).toMatchObject({ state: 'connected', agentId: AGENTS.grace });
    expect(() => h.execute(AGENTS.ada, { type: 'end-call', interactionId: ix })).toThrow(expect.objectContaining({ code: 'forbidden' }));

    expect(offers(h.request(2))).toEqual([[interactionId(2), AGENTS.ada]]);
    h.execute(AGENTS.grace, { type: 'end-call', interactionId: ix });
    expect(h.engine.interaction(ix)?.state).toBe('wrap-up');
  });

  it('refuses to transfer the call to an agent who is not free', () => {
    const h = adaOnTheCall();
    h.presence(AGENTS.grace, 'away');
    expect(() => h.execute(AGENTS.ada, { type: 'transfer-call', interactionId: ix, agentId: AGENTS.grace })).toThrow(
      expect.objectContaining({ code: 'invalid_transition' }),
    );
    expect(() => h.execute(AGENTS.ada, { type: 'transfer-call', interactionId: ix, agentId: AGENTS.ada })).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
  });

  it('consults, merges, then leaves the call to the consulted agent', () => {
    const h = adaOnTheCall();
    const consult = h.execute(AGENTS.ada, { type: 'consult-call', interactionId: ix, agentId: AGENTS.grace });
    expect(onlyEvent(consult, 'interaction.consult-started').agentId).toBe(AGENTS.grace);
    expect(offers(h.request(2))).toEqual([]);

    h.execute(AGENTS.ada, { type: 'merge-calls', interactionId: ix });
    expect(h.engine.interaction(ix)?.call).toMatchObject({ consultAgentId: AGENTS.grace, conference: true });

    const left = h.execute(AGENTS.ada, { type: 'leave-and-transfer', interactionId: ix });
    expect(onlyEvent(left, 'interaction.call-transferred')).toMatchObject({ toAgentId: AGENTS.grace, method: 'consult' });
    expect(offers(left)).toEqual([[interactionId(2), AGENTS.ada]]);
    expect(h.engine.interaction(ix)).toMatchObject({ agentId: AGENTS.grace, call: { conference: false } });
    expect(h.engine.interaction(ix)?.call.consultAgentId).toBeUndefined();
  });

  it('frees the consulted agent when the consult is cancelled or the call ends', () => {
    const h = adaOnTheCall();
    h.execute(AGENTS.ada, { type: 'consult-call', interactionId: ix, agentId: AGENTS.grace });
    expect(offers(h.execute(AGENTS.ada, { type: 'cancel-consult', interactionId: ix }))).toEqual([]);
    expect(offers(h.request(2))).toEqual([[interactionId(2), AGENTS.grace]]);

    const other = adaOnTheCall();
    other.execute(AGENTS.ada, { type: 'consult-call', interactionId: ix, agentId: AGENTS.grace });
    other.execute(AGENTS.ada, { type: 'merge-calls', interactionId: ix });
    expect(eventTypes(other.execute(AGENTS.ada, { type: 'end-call', interactionId: ix }))).toEqual([
      'interaction.call-ended',
      'agent.presence-changed',
      'agent.presence-changed',
    ]);
    expect(offers(other.request(2))).toEqual([[interactionId(2), AGENTS.grace]]);
  });
});
