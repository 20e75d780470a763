import { FULL_CAPABILITIES } from '@icc/protocol';
import { AGENTS, NUMBERS, QUEUES, createEngineHarness, interactionId, offers, onlyEvent, testQueues } from './__tests__/engine-fixtures';

const ix = interactionId(1);

function adaOnTheCall(options: Parameters<typeof createEngineHarness>[0] = {}) {
  const h = createEngineHarness(options);
  h.presence(AGENTS.ada, 'available');
  h.request(1);
  h.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
  h.execute(AGENTS.ada, { type: 'dial', interactionId: ix, phoneNumber: NUMBERS.first });
  h.telephony(ix, 'answered');
  return h;
}

describe('callback engine: live-call transfer to a queue or an outside number', () => {
  it('still takes the older agent-only form and the agent target alike', () => {
    const h = adaOnTheCall();
    h.presence(AGENTS.grace, 'available');
    const events = h.execute(AGENTS.ada, { type: 'transfer-call', interactionId: ix, target: { kind: 'agent', agentId: AGENTS.grace } });
    expect(onlyEvent(events, 'interaction.call-transferred')).toMatchObject({ toAgentId: AGENTS.grace, method: 'blind' });
  });

  it('sends the call to a queue: the agent is free, the customer stays on and the next free agent there gets it', () => {
    const h = adaOnTheCall();
    h.presence(AGENTS.ada, 'away'); // Ada leaves after this call: no one is free in Sales for now.
    const events = h.execute(AGENTS.ada, { type: 'transfer-call', interactionId: ix, target: { kind: 'queue', queueId: QUEUES.customerFirst } });
    expect(onlyEvent(events, 'interaction.call-requeued')).toMatchObject({ fromAgentId: AGENTS.ada, queueId: QUEUES.customerFirst, queueName: 'Sales' });
    expect(h.engine.interaction(ix)).toMatchObject({ state: 'queued', customerOnLine: true, queueId: QUEUES.customerFirst, mode: 'customer-first' });
    expect(h.engine.interaction(ix)?.agentId).toBeUndefined();
    expect(h.engine.callback('cb-1')?.queueId).toBe(QUEUES.customerFirst);

    // Grace becomes free and is offered the waiting call.
    expect(offers(h.presence(AGENTS.grace, 'available'))).toEqual([[ix, AGENTS.grace]]);
    // The waiting call takes the offer timeout of the queue it is in now (Sales: 20 s).
    expect(Date.parse(h.engine.interaction(ix)?.offerExpiresAt ?? '') - h.now()).toBe(20_000);
    h.execute(AGENTS.grace, { type: 'accept', interactionId: ix });
    expect(h.engine.interaction(ix)).toMatchObject({ state: 'connected', agentId: AGENTS.grace });
    h.execute(AGENTS.grace, { type: 'end-call', interactionId: ix });
    const closed = h.execute(AGENTS.grace, { type: 'submit-wrap-up', interactionId: ix, wrapUp: { reason: 'resolved', notes: 'Handed over.' } });
    expect(onlyEvent(closed, 'interaction.closed').outcome).toBe('completed');
  });

  it('offers a requeued call to another free agent first, to its sender only when no one else there is free', () => {
    const h = adaOnTheCall();
    h.presence(AGENTS.grace, 'available');
    const toGrace = h.execute(AGENTS.ada, { type: 'transfer-call', interactionId: ix, target: { kind: 'queue', queueId: QUEUES.auto } });
    expect(offers(toGrace)).toEqual([[ix, AGENTS.grace]]);

    const alone = adaOnTheCall();
    const back = alone.execute(AGENTS.ada, { type: 'transfer-call', interactionId: ix, target: { kind: 'queue', queueId: QUEUES.auto } });
    expect(offers(back)).toEqual([[ix, AGENTS.ada]]);
  });

  it('refuses an unknown or removed queue with not_found and leaves the call with the agent', () => {
    const h = adaOnTheCall();
    h.engine.removeQueue(QUEUES.customerFirst, h.now());
    for (const queueId of [QUEUES.customerFirst, 'q-nowhere']) {
      expect(() => h.execute(AGENTS.ada, { type: 'transfer-call', interactionId: ix, target: { kind: 'queue', queueId } })).toThrow(
        expect.objectContaining({ code: 'not_found' }),
      );
    }
    expect(h.engine.interaction(ix)).toMatchObject({ state: 'connected', agentId: AGENTS.ada });
  });

  it('sends the call to an outside number: the agent wraps up and the interaction closes as transferred', () => {
    const h = adaOnTheCall();
    const events = h.execute(AGENTS.ada, { type: 'transfer-call', interactionId: ix, target: { kind: 'external', phoneNumber: NUMBERS.stranger } });
    expect(onlyEvent(events, 'interaction.call-transferred-externally')).toMatchObject({ fromAgentId: AGENTS.ada, phoneNumber: NUMBERS.stranger });
    expect(h.engine.interaction(ix)).toMatchObject({ state: 'wrap-up', customerOnLine: false, transferredToNumber: NUMBERS.stranger });
    const closed = h.execute(AGENTS.ada, { type: 'submit-wrap-up', interactionId: ix, wrapUp: { reason: 'resolved', notes: 'Handed over.' } });
    expect(onlyEvent(closed, 'interaction.closed').outcome).toBe('transferred');
  });

  it('closes an auto-close queue’s external transfer as transferred when the countdown ends', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.request(1, { queueId: QUEUES.auto });
    h.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
    h.execute(AGENTS.ada, { type: 'dial', interactionId: ix, phoneNumber: NUMBERS.first });
    h.telephony(ix, 'answered');
    h.execute(AGENTS.ada, { type: 'transfer-call', interactionId: ix, target: { kind: 'external', phoneNumber: NUMBERS.stranger } });
    expect(onlyEvent(h.advanceBy(61_000), 'interaction.closed').outcome).toBe('transferred');
  });

  it("refuses the customer's own numbers as the outside number", () => {
    const h = adaOnTheCall();
    for (const phoneNumber of [NUMBERS.first, NUMBERS.second]) {
      expect(() => h.execute(AGENTS.ada, { type: 'transfer-call', interactionId: ix, target: { kind: 'external', phoneNumber } })).toThrow(
        expect.objectContaining({ code: 'validation_failed' }),
      );
    }
  });

  it('refuses the kinds a vendor declares unsupported, with its reason', () => {
    const reasons = { transferCallExternal: 'No outside transfers here' };
    const h = adaOnTheCall({ capabilities: { ...FULL_CAPABILITIES, transferCallExternal: false, reasons }, queues: testQueues() });
    expect(() => h.execute(AGENTS.ada, { type: 'transfer-call', interactionId: ix, target: { kind: 'external', phoneNumber: NUMBERS.stranger } })).toThrow(
      expect.objectContaining({ code: 'capability_unsupported', message: expect.stringContaining('No outside transfers here') }),
    );
  });
});
