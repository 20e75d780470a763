import { IccError } from '@icc/core';
import {
  AGENTS,
  NUMBERS,
  SECOND,
  T0,
  createEngineHarness,
  eventTypes,
  interactionId,
  iso,
  offers,
  onlyEvent,
} from './__tests__/engine-fixtures';

const ix = interactionId(1);

describe('callback engine: agent-first, manual dial', () => {
  it('queues a request and offers it once an agent becomes available', () => {
    const h = createEngineHarness();
    expect(eventTypes(h.request(1))).toEqual(['interaction.created']);
    expect(h.engine.interaction(ix)?.state).toBe('queued');

    const events = h.presence(AGENTS.ada, 'available');
    expect(eventTypes(events)).toEqual(['agent.presence-changed', 'interaction.offered']);
    expect(onlyEvent(events, 'interaction.offered')).toMatchObject({ agentId: AGENTS.ada, expiresAt: iso(T0 + 30 * SECOND) });
    expect(h.engine.callback('cb-1')?.state).toBe('in-progress');
  });

  it('offers to the longest-idle agent when several are free', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.grace, 'available');
    h.advanceBy(10 * SECOND);
    h.presence(AGENTS.ada, 'available');
    h.advanceBy(10 * SECOND);
    h.presence(AGENTS.alan, 'available');

    expect(offers(h.request(1))).toEqual([[ix, AGENTS.grace]]);
    expect(offers(h.request(2))).toEqual([[interactionId(2), AGENTS.ada]]);
    expect(offers(h.request(3))).toEqual([[interactionId(3), AGENTS.alan]]);
  });

  it('runs the whole story: accept, dial, no answer, Retry call on the second number, live call, wrap-up, closed', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.request(1);
    h.advanceBy(5 * SECOND);
    const acceptedAt = h.now();
    expect(eventTypes(h.execute(AGENTS.ada, { type: 'accept', interactionId: ix }))).toEqual(['interaction.accepted', 'agent.presence-changed']);
    expect(h.engine.interaction(ix)).toMatchObject({ state: 'previewing', acceptedAt: iso(acceptedAt) });
    expect(h.engine.interaction(ix)?.autoDialAt).toBeUndefined();

    h.advanceBy(40 * SECOND);
    const dial = onlyEvent(h.execute(AGENTS.ada, { type: 'dial', interactionId: ix, phoneNumber: NUMBERS.first }), 'interaction.dialing');
    expect(dial).toMatchObject({ attempt: 1, phoneNumber: NUMBERS.first, trigger: 'agent', agentId: AGENTS.ada });
    expect(h.engine.interaction(ix)?.previewDurationMs).toBe(40 * SECOND);

    h.advanceBy(20 * SECOND);
    expect(eventTypes(h.telephony(ix, 'no-answer'))).toEqual(['interaction.dial-failed']);
    expect(h.engine.interaction(ix)).toMatchObject({ state: 'no-answer', agentId: AGENTS.ada });

    const redial = onlyEvent(
      h.execute(AGENTS.ada, { type: 'redial', interactionId: ix, phoneNumber: NUMBERS.second }),
      'interaction.dialing',
    );
    expect(redial).toMatchObject({ attempt: 2, phoneNumber: NUMBERS.second });
    h.telephony(ix, 'answered');
    expect(h.engine.interaction(ix)).toMatchObject({ state: 'connected', customerOnLine: true });

    const live = [
      { type: 'hold', interactionId: ix },
      { type: 'resume', interactionId: ix },
      { type: 'mute', interactionId: ix },
      { type: 'record-start', interactionId: ix },
      { type: 'send-dtmf', interactionId: ix, digits: '12#' },
      { type: 'escalate', interactionId: ix, escalated: true },
    ] as const;
    expect(live.flatMap((command) => eventTypes(h.execute(AGENTS.ada, command)))).toEqual([
      'interaction.held',
      'interaction.resumed',
      'interaction.muted',
      'interaction.recording',
      'interaction.dtmf-sent',
      'interaction.escalated',
    ]);
    expect(h.engine.interaction(ix)?.call).toEqual({ muted: true, recording: true, escalated: true, conference: false });

    const ended = onlyEvent(h.execute(AGENTS.ada, { type: 'end-call', interactionId: ix }), 'interaction.call-ended');
    expect(ended).toMatchObject({ by: 'agent' });
    expect(ended.autoCloseAt).toBeUndefined();
    expect(h.engine.interaction(ix)?.state).toBe('wrap-up');

    const wrapUp = { reason: 'resolved' as const, notes: 'Firmware rolled back' };
    const closed = onlyEvent(h.execute(AGENTS.ada, { type: 'submit-wrap-up', interactionId: ix, wrapUp }), 'interaction.closed');
    expect(closed).toMatchObject({ outcome: 'completed', by: 'agent', wrapUp });
    expect(h.stored().interactions.get(ix)?.attempts.map((attempt) => [attempt.phoneNumber, attempt.outcome])).toEqual([
      [NUMBERS.first, 'no-answer'],
      [NUMBERS.second, 'answered'],
    ]);
    expect(h.stored().callbacks.get('cb-1')).toMatchObject({ state: 'completed', attempts: 2 });
  });

  it('rejects a dial to a number that is not one of the customer’s, at path phoneNumber', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.request(1);
    h.execute(AGENTS.ada, { type: 'accept', interactionId: ix });

    const dialStranger = () => h.execute(AGENTS.ada, { type: 'dial', interactionId: ix, phoneNumber: NUMBERS.stranger });
    expect(dialStranger).toThrow(IccError);
    try {
      dialStranger();
    } catch (error) {
      expect(error).toMatchObject({ code: 'validation_failed', issues: [expect.objectContaining({ path: ['phoneNumber'] })] });
    }
    expect(h.engine.interaction(ix)?.state).toBe('previewing');
  });

  it('redials the last number when Retry call names none', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.request(1);
    h.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
    h.execute(AGENTS.ada, { type: 'dial', interactionId: ix, phoneNumber: NUMBERS.second });
    h.telephony(ix, 'busy');

    expect(onlyEvent(h.execute(AGENTS.ada, { type: 'redial', interactionId: ix }), 'interaction.dialing')).toMatchObject({
      attempt: 2,
      phoneNumber: NUMBERS.second,
    });
  });

  it('lets the agent end a ringing call, which counts as no answer', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.request(1);
    h.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
    h.execute(AGENTS.ada, { type: 'dial', interactionId: ix, phoneNumber: NUMBERS.first });

    expect(onlyEvent(h.execute(AGENTS.ada, { type: 'end-call', interactionId: ix }), 'interaction.dial-failed').failure).toBe('no-answer');
    expect(eventTypes(h.telephony(ix, 'answered'))).toEqual([]);
    expect(h.engine.interaction(ix)?.state).toBe('no-answer');
  });

  it('closes from previewing (issue already solved: cancelled, nobody was called) and from no-answer, freeing the agent', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.request(1);
    h.request(2);
    h.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
    const solved = h.execute(AGENTS.ada, { type: 'close-callback', interactionId: ix, reason: { code: 'product-issue' }, notes: 'Fixed itself' });
    expect(onlyEvent(solved, 'interaction.closed')).toMatchObject({ outcome: 'cancelled', closeReason: { code: 'product-issue' }, detail: 'Fixed itself' });
    expect(offers(solved)).toEqual([[interactionId(2), AGENTS.ada]]);

    h.execute(AGENTS.ada, { type: 'accept', interactionId: interactionId(2) });
    h.execute(AGENTS.ada, { type: 'dial', interactionId: interactionId(2), phoneNumber: NUMBERS.first });
    h.telephony(interactionId(2), 'no-answer');
    const gaveUp = h.execute(AGENTS.ada, { type: 'close-callback', interactionId: interactionId(2) });
    expect(onlyEvent(gaveUp, 'interaction.closed').outcome).toBe('no-answer');
    expect(h.stored().callbacks.get('cb-2')?.state).toBe('failed');
  });
});
