import { IccError, InvalidTransitionError } from '@icc/core';
import {
  AGENTS,
  HOUR,
  MINUTE,
  NUMBERS,
  QUEUES,
  createEngineHarness,
  eventTypes,
  interactionId,
  iso,
  offers,
  onlyEvent,
} from './__tests__/engine-fixtures';

const ix = interactionId(1);

function connectedCall() {
  const h = createEngineHarness();
  h.presence(AGENTS.ada, 'available');
  h.request(1);
  h.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
  h.execute(AGENTS.ada, { type: 'dial', interactionId: ix, phoneNumber: NUMBERS.first });
  h.telephony(ix, 'answered');
  return h;
}

describe('callback engine: cancel', () => {
  it('cancels a queued callback', () => {
    const h = createEngineHarness();
    h.request(1);
    expect(onlyEvent(h.cancel(1, 'customer', 'Solved online'), 'interaction.closed')).toMatchObject({
      outcome: 'cancelled',
      by: 'customer',
      detail: 'Solved online',
    });
    expect(h.stored().callbacks.get('cb-1')?.state).toBe('cancelled');
    expect(offers(h.presence(AGENTS.ada, 'available'))).toEqual([]);
  });

  it('cancels an offered callback and frees the agent for the next one', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.request(1);
    h.request(2);
    const cancelled = h.cancel(1);
    expect(eventTypes(cancelled)).toEqual(['interaction.closed', 'interaction.offered']);
    expect(offers(cancelled)).toEqual([[interactionId(2), AGENTS.ada]]);
    expect(h.engine.nextWakeAt()).toBe(h.now() + 30_000);
  });

  it('cancels while the customer is being dialed and ignores the late telephony outcome', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.request(1, { queueId: QUEUES.customerFirst });
    expect(h.engine.interaction(ix)?.state).toBe('dialing');
    expect(onlyEvent(h.cancel(1), 'interaction.closed').outcome).toBe('cancelled');
    expect(h.telephony(ix, 'answered')).toEqual([]);
    expect(h.stored().interactions.get(ix)?.state).toBe('closed');
  });

  it.each([
    ['connected', (h: ReturnType<typeof connectedCall>) => h],
    ['on-hold', (h: ReturnType<typeof connectedCall>) => (h.execute(AGENTS.ada, { type: 'hold', interactionId: ix }), h)],
    ['wrap-up', (h: ReturnType<typeof connectedCall>) => (h.execute(AGENTS.ada, { type: 'end-call', interactionId: ix }), h)],
  ])('refuses to cancel once %s', (state, reach) => {
    const h = reach(connectedCall());
    expect(h.engine.interaction(ix)?.state).toBe(state);
    expect(() => h.cancel(1)).toThrow(InvalidTransitionError);
    expect(h.engine.interaction(ix)?.state).toBe(state);
  });

  it('refuses to cancel a closed callback and an unknown one', () => {
    const h = createEngineHarness();
    h.request(1);
    h.cancel(1);
    expect(() => h.cancel(1)).toThrow(InvalidTransitionError);
    expect(() => h.cancel(99)).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});

describe('callback engine: reschedule', () => {
  it('reschedules a queued callback by API; it comes back at the new start', () => {
    const h = createEngineHarness();
    h.request(1);
    const start = h.now() + HOUR;
    const rescheduled = onlyEvent(h.reschedule(1, start, 'api', start + HOUR), 'interaction.rescheduled');
    expect(rescheduled).toMatchObject({ scheduledAt: iso(start), windowEnd: iso(start + HOUR), by: 'api' });
    expect(h.engine.interaction(ix)).toMatchObject({ state: 'scheduled', scheduledAt: iso(start) });
    expect(h.engine.callback('cb-1')?.schedule).toEqual({ type: 'scheduled', start: iso(start), windowEnd: iso(start + HOUR) });

    h.presence(AGENTS.ada, 'available');
    expect(offers(h.advanceTo(start))).toEqual([[ix, AGENTS.ada]]);
  });

  it('refuses a start in the past', () => {
    const h = createEngineHarness();
    h.request(1);
    expect(() => h.reschedule(1, h.now() - MINUTE)).toThrow(expect.objectContaining({ code: 'validation_failed' }));
  });

  it('lets the agent reschedule after no answer; the agent is freed and attempts continue later', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.request(1);
    h.request(2);
    h.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
    h.execute(AGENTS.ada, { type: 'dial', interactionId: ix, phoneNumber: NUMBERS.first });
    h.telephony(ix, 'no-answer');

    const start = h.now() + 2 * HOUR;
    const rescheduled = h.execute(AGENTS.ada, { type: 'reschedule', interactionId: ix, start: iso(start) });
    expect(onlyEvent(rescheduled, 'interaction.rescheduled').by).toBe('agent');
    expect(offers(rescheduled)).toEqual([[interactionId(2), AGENTS.ada]]);
    expect(h.engine.interaction(ix)?.agentId).toBeUndefined();

    h.execute(AGENTS.ada, { type: 'accept', interactionId: interactionId(2) });
    h.execute(AGENTS.ada, { type: 'close-callback', interactionId: interactionId(2) });
    expect(offers(h.advanceTo(start))).toEqual([[ix, AGENTS.ada]]);
    h.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
    const dial = h.execute(AGENTS.ada, { type: 'dial', interactionId: ix, phoneNumber: NUMBERS.second });
    expect(onlyEvent(dial, 'interaction.dialing').attempt).toBe(2);
  });

  it('refuses an agent reschedule to a start in the past', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.request(1);
    h.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
    const past = () => h.execute(AGENTS.ada, { type: 'reschedule', interactionId: ix, start: iso(h.now() - MINUTE) });
    expect(past).toThrow(IccError);
    expect(past).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    expect(h.engine.interaction(ix)?.state).toBe('previewing');
  });
});
