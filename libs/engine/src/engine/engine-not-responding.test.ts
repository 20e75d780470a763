import { AGENTS, NUMBERS, SECOND, createEngineHarness, eventTypes, interactionId, offers, onlyEvent } from './__tests__/engine-fixtures';

const ix = interactionId(1);
const OFFER_TIMEOUT = 30 * SECOND;

describe('callback engine: not responding after missed offers', () => {
  it('sets the agent not-responding once the configured number of offers timed out in a row, and re-offers elsewhere', () => {
    const h = createEngineHarness({ missedOffersBeforeNotResponding: 2 });
    h.presence(AGENTS.ada, 'available');
    h.request(1);
    h.request(2);
    // The first timeout only counts; the cool-down lets the second callback reach Ada.
    const first = h.advanceBy(OFFER_TIMEOUT);
    expect(eventTypes(first)).not.toContain('agent.presence-changed');
    const second = h.advanceBy(OFFER_TIMEOUT);
    expect(onlyEvent(second, 'agent.presence-changed')).toMatchObject({ agentId: AGENTS.ada, presence: 'not-responding', previous: 'available' });
    expect(h.engine.agent(AGENTS.ada)?.presence).toBe('not-responding');

    expect(offers(h.presence(AGENTS.grace, 'available')).map(([, agent]) => agent)).toContain(AGENTS.grace);
    expect(offers(h.request(3)).map(([, agent]) => agent)).not.toContain(AGENTS.ada);
  });

  it('starts counting over after an accept or a presence the agent chose', () => {
    const h = createEngineHarness({ missedOffersBeforeNotResponding: 2 });
    h.presence(AGENTS.ada, 'available');
    h.request(1);
    h.request(2);
    h.advanceBy(OFFER_TIMEOUT);
    h.advanceBy(OFFER_TIMEOUT);
    expect(h.engine.agent(AGENTS.ada)?.presence).toBe('not-responding');

    const [[offered] = []] = offers(h.presence(AGENTS.ada, 'available'));
    if (offered === undefined) throw new Error('an offer was expected once Ada is back');
    h.execute(AGENTS.ada, { type: 'accept', interactionId: offered });
    h.execute(AGENTS.ada, { type: 'close-callback', interactionId: offered });
    h.advanceBy(OFFER_TIMEOUT);
    expect(h.engine.agent(AGENTS.ada)?.presence).toBe('available');
  });

  it('never changes presence when no limit is configured', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.request(1);
    for (let n = 0; n < 5; n++) h.advanceBy(OFFER_TIMEOUT);
    expect(h.engine.agent(AGENTS.ada)?.presence).toBe('available');
  });
});

describe('callback engine: close-callback records what happened', () => {
  it('closed before any attempt is cancelled, not completed', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.request(1);
    h.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
    const closed = h.execute(AGENTS.ada, { type: 'close-callback', interactionId: ix, reason: { code: 'custom', label: 'Resolved another way' } });
    expect(onlyEvent(closed, 'interaction.closed')).toMatchObject({ outcome: 'cancelled', closeReason: { label: 'Resolved another way' } });
  });

  it('closed after an unanswered attempt is no-answer', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.request(1);
    h.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
    h.execute(AGENTS.ada, { type: 'dial', interactionId: ix, phoneNumber: NUMBERS.first });
    h.telephony(ix, 'no-answer');
    expect(onlyEvent(h.execute(AGENTS.ada, { type: 'close-callback', interactionId: ix }), 'interaction.closed').outcome).toBe('no-answer');
  });
});
