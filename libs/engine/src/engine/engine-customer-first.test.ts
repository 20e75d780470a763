import {
  AGENTS,
  HOUR,
  MINUTE,
  NUMBERS,
  QUEUES,
  SECOND,
  createEngineHarness,
  eventTypes,
  interactionId,
  iso,
  offers,
  onlyEvent,
} from './__tests__/engine-fixtures';

const ix = interactionId(1);

function dialingCustomer(expireAt?: number) {
  const h = createEngineHarness();
  h.presence(AGENTS.ada, 'available');
  h.advanceBy(SECOND);
  h.presence(AGENTS.grace, 'available');
  const events = h.request(1, { queueId: QUEUES.customerFirst, ...(expireAt !== undefined ? { expireAt: iso(expireAt) } : {}) });
  return { h, events };
}

describe('callback engine: customer-first', () => {
  it('reserves the longest-idle agent and dials the customer first', () => {
    const { h, events } = dialingCustomer();
    expect(eventTypes(events)).toEqual(['interaction.created', 'interaction.dialing', 'agent.presence-changed']);
    expect(onlyEvent(events, 'interaction.dialing')).toMatchObject({ attempt: 1, phoneNumber: NUMBERS.first, agentId: AGENTS.ada, trigger: 'system' });
    expect(h.engine.callback('cb-1')?.mode).toBe('customer-first');
  });

  it('offers the answered call to the reserved agent, and accept connects', () => {
    const { h } = dialingCustomer();
    h.advanceBy(5 * SECOND);
    const answered = h.telephony(ix, 'answered');
    // The reserved agent is Available while the answered call is offered to them, Busy again once they accept.
    expect(eventTypes(answered)).toEqual(['interaction.customer-answered', 'agent.presence-changed', 'interaction.offered']);
    expect(offers(answered)).toEqual([[ix, AGENTS.ada]]);
    expect(onlyEvent(answered, 'interaction.offered').expiresAt).toBe(iso(h.now() + 20 * SECOND));

    h.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
    expect(h.engine.interaction(ix)).toMatchObject({ state: 'connected', customerOnLine: true, connectedAt: iso(h.now()) });
  });

  it('re-offers to the next agent when the reserved one rejects, while the customer stays on the line', () => {
    const { h } = dialingCustomer();
    h.telephony(ix, 'answered');
    const rejected = h.execute(AGENTS.ada, { type: 'reject', interactionId: ix });
    expect(eventTypes(rejected)).toEqual(['interaction.offer-declined', 'interaction.offered']);
    expect(offers(rejected)).toEqual([[ix, AGENTS.grace]]);
    expect(h.engine.interaction(ix)).toMatchObject({ customerOnLine: true, declinedBy: [AGENTS.ada] });
  });

  it('re-offers to the next agent when the offer times out', () => {
    const { h } = dialingCustomer();
    h.telephony(ix, 'answered');
    const timedOut = h.advanceBy(20 * SECOND);
    expect(onlyEvent(timedOut, 'interaction.offer-declined')).toMatchObject({ agentId: AGENTS.ada, cause: 'timeout' });
    expect(offers(timedOut)).toEqual([[ix, AGENTS.grace]]);
  });

  it('waits the retry interval after no answer, then dials the next number', () => {
    const { h } = dialingCustomer();
    h.advanceBy(30 * SECOND);
    const failedAt = h.now();
    const failed = h.telephony(ix, 'no-answer');
    expect(eventTypes(failed)).toEqual(['interaction.dial-failed', 'interaction.retry-scheduled', 'agent.presence-changed']);
    expect(onlyEvent(failed, 'interaction.retry-scheduled').nextRetryAt).toBe(iso(failedAt + 5 * MINUTE));
    expect(h.engine.interaction(ix)).toMatchObject({ state: 'retry-wait' });
    expect(h.engine.interaction(ix)?.agentId).toBeUndefined();
    expect(h.engine.callback('cb-1')?.nextRetryAt).toBe(iso(failedAt + 5 * MINUTE));

    expect(h.advanceTo(failedAt + 5 * MINUTE - 1)).toEqual([]);
    const retried = h.advanceTo(failedAt + 5 * MINUTE);
    expect(eventTypes(retried)).toEqual(['interaction.queued', 'interaction.dialing', 'agent.presence-changed']);
    expect(onlyEvent(retried, 'interaction.dialing')).toMatchObject({ attempt: 2, phoneNumber: NUMBERS.second });
  });

  it('closes as failed when the retries are exhausted', () => {
    const { h } = dialingCustomer();
    for (let attempt = 1; attempt < 3; attempt++) {
      h.telephony(ix, 'busy');
      h.advanceBy(5 * MINUTE);
    }
    const last = h.telephony(ix, 'no-answer');
    expect(onlyEvent(last, 'interaction.closed')).toMatchObject({ outcome: 'failed', by: 'system' });
    expect(h.stored().callbacks.get('cb-1')).toMatchObject({ state: 'failed', attempts: 3 });
    expect(h.stored().interactions.get(ix)?.attempts.map((attempt) => attempt.phoneNumber)).toEqual([NUMBERS.first, NUMBERS.second, NUMBERS.first]);
  });

  it('closes as expired when the next retry would fall after the expire time', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.request(1, { queueId: QUEUES.customerFirst, expireAt: iso(h.now() + 2 * MINUTE) });
    expect(onlyEvent(h.telephony(ix, 'no-answer'), 'interaction.closed')).toMatchObject({ outcome: 'expired', by: 'system' });
    expect(h.stored().callbacks.get('cb-1')?.state).toBe('expired');
    expect(h.engine.nextWakeAt()).toBeUndefined();
  });

  it('closes a waiting callback as expired when its expire time passes', () => {
    const h = createEngineHarness();
    const expireAt = h.now() + HOUR;
    h.request(1, { queueId: QUEUES.customerFirst, expireAt: iso(expireAt) });
    expect(h.engine.nextWakeAt()).toBe(expireAt);

    const expired = h.advanceTo(expireAt);
    expect(onlyEvent(expired, 'interaction.closed')).toMatchObject({ outcome: 'expired', by: 'system' });
    expect(h.stored().callbacks.get('cb-1')).toMatchObject({ state: 'expired', closedAt: iso(expireAt) });
    expect(eventTypes(h.presence(AGENTS.ada, 'available'))).toEqual(['agent.presence-changed']);
  });

  it('closes as failed when the customer hangs up before an agent answers', () => {
    const { h } = dialingCustomer();
    h.telephony(ix, 'answered');
    const hungUp = h.telephony(ix, 'customer-hangup');
    expect(onlyEvent(hungUp, 'interaction.closed')).toMatchObject({ outcome: 'failed', by: 'customer' });
    expect(offers(h.request(2, { queueId: QUEUES.customerFirst }))).toEqual([]);
    expect(h.engine.interaction(interactionId(2))?.agentId).toBe(AGENTS.ada);
  });
});
