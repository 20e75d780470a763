import { AGENTS, HOUR, MINUTE, NUMBERS, QUEUES, SECOND, createEngineHarness, eventTypes, interactionId, iso, offers, onlyEvent, restartEngine } from './__tests__/engine-fixtures';

const ix = interactionId(1);

describe('callback engine: restore after a restart', () => {
  it('times an open offer out at its original expiry and re-offers it', () => {
    const before = createEngineHarness();
    before.presence(AGENTS.ada, 'available');
    before.presence(AGENTS.grace, 'available');
    before.request(1);
    const expiresAt = before.now() + 30 * SECOND;

    const { h, restored } = restartEngine(before, { at: before.now() + 10 * SECOND });
    expect(restored).toEqual([]);
    expect(h.engine.nextWakeAt()).toBe(expiresAt);
    expect(h.advanceTo(expiresAt - 1)).toEqual([]);
    const timedOut = h.advanceTo(expiresAt);
    expect(onlyEvent(timedOut, 'interaction.offer-declined')).toMatchObject({ agentId: AGENTS.ada, cause: 'timeout' });
    expect(offers(timedOut)).toEqual([[ix, AGENTS.grace]]);
  });

  it('resumes the auto-dial countdown, retry wait, wrap-up countdown and expiry with their remaining time', () => {
    const before = createEngineHarness();
    before.presence(AGENTS.ada, 'available');
    before.request(1, { queueId: QUEUES.auto });
    before.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
    before.request(2, { queueId: QUEUES.customerFirst });
    before.presence(AGENTS.grace, 'available');
    before.telephony(interactionId(2), 'no-answer');
    before.request(3, { schedule: { type: 'scheduled', start: iso(before.now() + 2 * HOUR) }, expireAt: iso(before.now() + HOUR) });
    const autoDialAt = before.now() + 15 * SECOND;
    const retryAt = before.now() + 5 * MINUTE;

    const { h, restored } = restartEngine(before, { at: before.now() + 5 * SECOND });
    expect(restored).toEqual([]);
    expect(h.engine.nextWakeAt()).toBe(autoDialAt);
    expect(onlyEvent(h.advanceTo(autoDialAt), 'interaction.dialing').trigger).toBe('auto-dial');
    expect(eventTypes(h.advanceTo(retryAt))).toEqual(['interaction.queued', 'interaction.dialing', 'agent.presence-changed']);
    expect(h.engine.interaction(interactionId(2))?.agentId).toBe(AGENTS.grace);
    expect(onlyEvent(h.advanceTo(before.now() + HOUR), 'interaction.closed')).toMatchObject({
      interactionId: interactionId(3),
      outcome: 'expired',
    });
  });

  it('reconciles an agent-first call that was ringing as failed, and leaves the decision to the agent', () => {
    const before = createEngineHarness();
    before.presence(AGENTS.ada, 'available');
    before.request(1);
    before.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
    before.execute(AGENTS.ada, { type: 'dial', interactionId: ix, phoneNumber: NUMBERS.first });

    const { h, restored } = restartEngine(before);
    expect(onlyEvent(restored, 'interaction.dial-failed').failure).toBe('failed');
    expect(eventTypes(restored)).toEqual(['interaction.dial-failed']);
    expect(h.engine.interaction(ix)).toMatchObject({ state: 'no-answer', agentId: AGENTS.ada });
    expect(eventTypes(h.execute(AGENTS.ada, { type: 'redial', interactionId: ix }))).toEqual(['interaction.dialing']);
  });

  it('reconciles a customer-first call that was ringing as failed and schedules the retry', () => {
    const before = createEngineHarness();
    before.presence(AGENTS.ada, 'available');
    before.request(1, { queueId: QUEUES.customerFirst });

    const { h, restored } = restartEngine(before);
    expect(eventTypes(restored)).toEqual(['interaction.dial-failed', 'interaction.retry-scheduled', 'agent.presence-changed']);
    expect(h.engine.interaction(ix)?.state).toBe('retry-wait');
    expect(h.engine.nextWakeAt()).toBe(h.now() + 5 * MINUTE);
  });

  it('ends a live call by system so the agent can wrap up, with the auto-close countdown of an auto queue', () => {
    const before = createEngineHarness();
    before.presence(AGENTS.ada, 'available');
    before.request(1, { queueId: QUEUES.auto });
    before.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
    before.execute(AGENTS.ada, { type: 'dial', interactionId: ix, phoneNumber: NUMBERS.first });
    before.telephony(ix, 'answered');

    const { h, restored } = restartEngine(before);
    expect(onlyEvent(restored, 'interaction.call-ended')).toMatchObject({ by: 'system', autoCloseAt: iso(h.now() + 60 * SECOND) });
    expect(h.engine.interaction(ix)?.state).toBe('wrap-up');
    expect(eventTypes(h.execute(AGENTS.ada, { type: 'submit-wrap-up', interactionId: ix, wrapUp: { reason: 'other', notes: '' } }))).toEqual([
      'interaction.closed',
      'agent.presence-changed',
    ]);
  });

  it('calls back a customer-first customer who was waiting on the line for an agent', () => {
    const before = createEngineHarness();
    before.presence(AGENTS.ada, 'available');
    before.request(1, { queueId: QUEUES.customerFirst });
    before.telephony(ix, 'answered');
    expect(before.engine.interaction(ix)?.state).toBe('offered');

    const { h, restored } = restartEngine(before);
    expect(eventTypes(restored)).toEqual(['interaction.offer-declined', 'interaction.rescheduled']);
    const redialed = h.advanceBy(0);
    expect(eventTypes(redialed)).toEqual(['interaction.queued', 'interaction.dialing', 'agent.presence-changed']);
    expect(onlyEvent(redialed, 'interaction.dialing').attempt).toBe(2);
  });

  it('keeps agents that were available routable, and busy ones busy', () => {
    const before = createEngineHarness();
    before.presence(AGENTS.ada, 'available');
    before.presence(AGENTS.grace, 'available');
    before.request(1);
    before.execute(AGENTS.ada, { type: 'accept', interactionId: ix });

    const { h } = restartEngine(before);
    expect(offers(h.request(2))).toEqual([[interactionId(2), AGENTS.grace]]);
    expect(offers(h.request(3))).toEqual([]);
  });

  it('keeps a callback transferred to an agent directed to that agent', () => {
    const before = createEngineHarness();
    before.presence(AGENTS.ada, 'available');
    before.request(1);
    before.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
    before.execute(AGENTS.ada, { type: 'transfer-callback', interactionId: ix, target: { kind: 'agent', agentId: AGENTS.grace } });

    const { h } = restartEngine(before);
    h.presence(AGENTS.alan, 'available');
    expect(offers(h.presence(AGENTS.grace, 'available'))).toEqual([['ix-transfer-1', AGENTS.grace]]);
  });
});
