import { exampleCreateCallbackRequest } from '@icc/protocol';
import { AGENTS, MINUTE, NUMBERS, QUEUES, SECOND, START, projectLog, mockAgents, startMock, type MockRun } from './__tests__/mock-harness';

const ix = 'ix-1';
const t0 = Date.parse(START);

/** Stops `before` and starts a new adapter on the same clock and log, as a restarted process would. */
async function restart(before: MockRun): Promise<MockRun> {
  await before.adapter.stop();
  expect(before.clock.pendingTimers()).toBe(0);
  return startMock({ clock: before.clock, sink: before.sink, resumeFrom: [...before.sink.events] });
}

describe('mock adapter: restart from the persisted open interactions', () => {
  it('times an open offer out at its original expiry', async () => {
    const before = await startMock();
    await before.request(1);
    before.clock.advance(10 * SECOND);
    const after = await restart(before);
    expect(after.drain()).toEqual([]);

    after.clock.advanceTo(t0 + 30 * SECOND - 1);
    expect(after.drain()).toEqual([]);
    after.clock.advanceTo(t0 + 30 * SECOND);
    expect(after.drain()).toEqual(['interaction.offer-declined', 'interaction.offered']);
    expect(after.sink.events.at(-2)).toMatchObject({ at: new Date(t0 + 30 * SECOND).toISOString(), cause: 'timeout', agentId: AGENTS.ada });
    expect(after.sink.events.at(-1)).toMatchObject({ agentId: AGENTS.grace });
    await after.adapter.stop();
  });

  it('reconciles an agent-first call that was ringing as failed and leaves the next step to the agent', async () => {
    const before = await startMock({ config: { defaultBehaviour: { kind: 'answer', afterSeconds: 30 } } });
    await before.request(1);
    await before.adapter.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
    await before.adapter.execute(AGENTS.ada, { type: 'dial', interactionId: ix, phoneNumber: NUMBERS.first });
    before.clock.advance(10 * SECOND);

    const after = await restart(before);
    expect(after.drain()).toEqual(['interaction.dial-failed']);
    expect(after.sink.events.at(-1)).toMatchObject({ failure: 'failed' });
    expect(after.interaction(ix)).toMatchObject({ state: 'no-answer', agentId: AGENTS.ada });
    // The call of the old process never reports.
    after.clock.advance(60 * SECOND);
    expect(after.drain()).toEqual([]);

    await after.adapter.execute(AGENTS.ada, { type: 'redial', interactionId: ix });
    after.clock.advance(30 * SECOND);
    expect(after.drain()).toEqual(['interaction.dialing', 'interaction.customer-answered']);
    await after.adapter.stop();
  });

  it('reconciles a customer-first call that was ringing as failed and schedules the retry', async () => {
    const before = await startMock({ config: { defaultBehaviour: { kind: 'answer', afterSeconds: 30 } } });
    await before.request(1, { queueId: QUEUES.customerFirst });
    before.clock.advance(10 * SECOND);

    const after = await restart(before);
    expect(after.drain()).toEqual(['interaction.dial-failed', 'interaction.retry-scheduled', 'agent.presence-changed']);
    expect(after.interaction(ix)?.state).toBe('retry-wait');
    after.clock.advance(5 * MINUTE);
    expect(after.drain()).toEqual(['interaction.queued', 'interaction.dialing', 'agent.presence-changed']);
    expect(after.interaction(ix)?.attempts.map((attempt) => attempt.phoneNumber)).toEqual([NUMBERS.first, NUMBERS.second]);
    await after.adapter.stop();
  });

  it('ends a connected call by system so the agent can wrap up', async () => {
    const before = await startMock({ config: { defaultBehaviour: { kind: 'answer', afterSeconds: 2 } } });
    await before.request(1);
    await before.adapter.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
    await before.adapter.execute(AGENTS.ada, { type: 'dial', interactionId: ix, phoneNumber: NUMBERS.first });
    before.clock.advance(2 * SECOND);
    await before.adapter.execute(AGENTS.ada, { type: 'hold', interactionId: ix });

    const after = await restart(before);
    expect(after.drain()).toEqual(['interaction.call-ended', 'agent.presence-changed']);
    expect(after.sink.events.at(-2)).toMatchObject({ by: 'system' });
    await after.adapter.execute(AGENTS.ada, { type: 'submit-wrap-up', interactionId: ix, wrapUp: { reason: 'other', notes: 'Line dropped' } });
    expect(after.interaction(ix)).toMatchObject({ state: 'closed', outcome: 'completed' });
    await after.adapter.stop();
  });

  it('keeps routing to agents who were available, with their presence from the log', async () => {
    const before = await startMock();
    await before.adapter.setPresence(AGENTS.ada, 'away');
    const after = await restart(before);
    expect(projectLog(after.sink.events, mockAgents()).agents.find((agent) => agent.id === AGENTS.ada)?.presence).toBe('away');
    await after.request(1);
    expect(after.sink.events.at(-1)).toMatchObject({ type: 'interaction.offered', agentId: AGENTS.grace });
    await after.adapter.stop();
  });

  it('continues the log: the events of both processes fold into one consistent history', async () => {
    const before = await startMock({ config: { defaultBehaviour: { kind: 'no-answer', afterSeconds: 20 } } });
    await before.request(1, { queueId: QUEUES.customerFirst });
    await before.request(2);
    before.clock.advance(25 * SECOND);
    const after = await restart(before);
    after.clock.advance(10 * MINUTE);
    await after.adapter.stop();

    const folded = projectLog(after.sink.events, mockAgents());
    expect(after.sink.events.map((event) => event.seq)).toEqual(after.sink.events.map((_, index) => index + 1));
    expect(folded.interactions.get('ix-1')?.attempts.length).toBeGreaterThanOrEqual(2);
  });

  it('knows a callback closed before the restart from the store: refused as closed, never created twice', async () => {
    const before = await startMock();
    await before.request(1);
    await before.adapter.cancelCallback('cb-1', 'api');
    const after = await restart(before);
    after.drain();
    await expect(after.adapter.cancelCallback('cb-1', 'api')).rejects.toMatchObject({ code: 'invalid_transition' });
    expect(await after.request(1)).toEqual([]);
    const conflicting = { callbackId: 'cb-1', interactionId: 'ix-again', number: 'CB9999999' };
    await expect(after.adapter.requestCallback(exampleCreateCallbackRequest(), conflicting)).rejects.toMatchObject({ code: 'idempotency_conflict' });
    expect(after.drain()).toEqual([]);
    await after.adapter.stop();
  });
});
