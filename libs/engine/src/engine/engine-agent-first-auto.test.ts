import { AGENTS, NUMBERS, QUEUES, SECOND, createEngineHarness, eventTypes, interactionId, iso, onlyEvent } from './__tests__/engine-fixtures';

const ix = interactionId(1);

function acceptedInAutoQueue() {
  const h = createEngineHarness();
  h.presence(AGENTS.ada, 'available');
  h.request(1, { queueId: QUEUES.auto });
  h.advanceBy(2 * SECOND);
  const accepted = onlyEvent(h.execute(AGENTS.ada, { type: 'accept', interactionId: ix }), 'interaction.accepted');
  return { h, accepted, acceptedAt: h.now() };
}

describe('callback engine: agent-first, automatic dial', () => {
  it('sets autoDialAt to accept + countdown and dials the first number when the countdown ends', () => {
    const { h, accepted, acceptedAt } = acceptedInAutoQueue();
    expect(accepted.autoDialAt).toBe(iso(acceptedAt + 15 * SECOND));
    expect(h.engine.nextWakeAt()).toBe(acceptedAt + 15 * SECOND);

    expect(h.advanceTo(acceptedAt + 15 * SECOND - 1)).toEqual([]);
    const dial = onlyEvent(h.advanceTo(acceptedAt + 15 * SECOND), 'interaction.dialing');
    expect(dial).toMatchObject({ attempt: 1, phoneNumber: NUMBERS.first, trigger: 'auto-dial', agentId: AGENTS.ada });
    expect(h.engine.interaction(ix)).toMatchObject({ state: 'dialing', previewDurationMs: 15 * SECOND });
    expect(h.engine.interaction(ix)?.autoDialAt).toBeUndefined();
  });

  it('cancels the countdown when the agent dials earlier by hand', () => {
    const { h, acceptedAt } = acceptedInAutoQueue();
    h.advanceBy(4 * SECOND);
    h.execute(AGENTS.ada, { type: 'dial', interactionId: ix, phoneNumber: NUMBERS.second });
    expect(h.engine.interaction(ix)?.previewDurationMs).toBe(4 * SECOND);
    h.telephony(ix, 'no-answer');

    expect(h.advanceTo(acceptedAt + 15 * SECOND)).toEqual([]);
    expect(h.engine.interaction(ix)?.attempts).toHaveLength(1);
  });

  it('sets autoCloseAt when the call ends and closes the wrap-up when it is reached', () => {
    const { h, acceptedAt } = acceptedInAutoQueue();
    h.advanceTo(acceptedAt + 15 * SECOND);
    h.telephony(ix, 'answered');
    h.advanceBy(90 * SECOND);
    const endedAt = h.now();
    const ended = onlyEvent(h.telephony(ix, 'customer-hangup'), 'interaction.call-ended');
    expect(ended).toMatchObject({ by: 'customer', autoCloseAt: iso(endedAt + 60 * SECOND) });

    expect(h.advanceTo(endedAt + 60 * SECOND - 1)).toEqual([]);
    const closed = onlyEvent(h.advanceTo(endedAt + 60 * SECOND), 'interaction.closed');
    expect(closed).toMatchObject({ outcome: 'completed', by: 'system' });
    expect(h.stored().callbacks.get('cb-1')?.state).toBe('completed');
    expect(h.engine.nextWakeAt()).toBeUndefined();
  });

  it('does not auto-close a wrap-up the agent already submitted', () => {
    const { h, acceptedAt } = acceptedInAutoQueue();
    h.advanceTo(acceptedAt + 15 * SECOND);
    h.telephony(ix, 'answered');
    h.execute(AGENTS.ada, { type: 'end-call', interactionId: ix });
    h.execute(AGENTS.ada, { type: 'submit-wrap-up', interactionId: ix, wrapUp: { reason: 'resolved', notes: '' } });

    expect(eventTypes(h.advanceBy(120 * SECOND))).toEqual([]);
  });
});
