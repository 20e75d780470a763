import { AGENTS, NUMBERS, QUEUES, SECOND, startMock, type MockRun } from './__tests__/mock-harness';
import type { TelephonyBehaviour } from './telephony-behaviour';

const ix = 'ix-1';

/** Ada (longest idle) is offered callback 1, accepts and dials the first number. */
async function adaDials(behaviour: TelephonyBehaviour): Promise<MockRun> {
  const run = await startMock();
  run.adapter.telephony.setBehaviour(NUMBERS.first, behaviour);
  await run.request(1);
  await run.adapter.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
  await run.adapter.execute(AGENTS.ada, { type: 'dial', interactionId: ix, phoneNumber: NUMBERS.first });
  run.drain();
  return run;
}

describe('mock adapter: simulated telephony', () => {
  it('answers after the configured seconds', async () => {
    const run = await adaDials({ kind: 'answer', afterSeconds: 4 });
    expect(run.adapter.telephony.activeCalls()).toBe(1);
    run.clock.advance(4 * SECOND - 1);
    expect(run.drain()).toEqual([]);
    run.clock.advance(1);
    expect(run.drain()).toEqual(['interaction.customer-answered']);
    expect(run.interaction(ix)?.state).toBe('connected');
    await run.adapter.stop();
  });

  it.each([
    ['no-answer', { kind: 'no-answer', afterSeconds: 20 }, 20],
    ['busy', { kind: 'busy', afterSeconds: 1 }, 1],
    ['failed', { kind: 'fail', afterSeconds: 2 }, 2],
  ] as const)('reports %s after the configured seconds, and the agent decides what next', async (failure, behaviour, seconds) => {
    const run = await adaDials(behaviour);
    run.clock.advance(seconds * SECOND - 1);
    expect(run.drain()).toEqual([]);
    run.clock.advance(1);
    expect(run.drain()).toEqual(['interaction.dial-failed']);
    expect(run.sink.events.at(-1)).toMatchObject({ type: 'interaction.dial-failed', failure });
    expect(run.interaction(ix)).toMatchObject({ state: 'no-answer', agentId: AGENTS.ada });
    expect(run.adapter.telephony.activeCalls()).toBe(0);
    await run.adapter.stop();
  });

  it('plays a sequence: no answer first, answered on Retry call', async () => {
    const run = await adaDials({
      kind: 'sequence',
      steps: [
        { kind: 'no-answer', afterSeconds: 10 },
        { kind: 'answer', afterSeconds: 2 },
      ],
    });
    run.clock.advance(10 * SECOND);
    expect(run.drain()).toEqual(['interaction.dial-failed']);
    await run.adapter.execute(AGENTS.ada, { type: 'redial', interactionId: ix });
    run.clock.advance(2 * SECOND);
    expect(run.drain()).toEqual(['interaction.dialing', 'interaction.customer-answered']);
    await run.adapter.stop();
  });

  it('hangs up after talking, which ends the call by the customer', async () => {
    const run = await adaDials({ kind: 'answer', afterSeconds: 2, hangUpAfterSeconds: 60 });
    run.clock.advance(2 * SECOND);
    run.clock.advance(60 * SECOND - 1);
    expect(run.drain()).toEqual(['interaction.customer-answered']);
    run.clock.advance(1);
    expect(run.drain()).toEqual(['interaction.call-ended', 'agent.presence-changed']);
    expect(run.sink.events.at(-2)).toMatchObject({ by: 'customer' });
    expect(run.interaction(ix)?.state).toBe('wrap-up');
    expect(run.clock.pendingTimers()).toBe(0);
    await run.adapter.stop();
  });

  it('forgets the pending hang-up when the agent ends the call first', async () => {
    const run = await adaDials({ kind: 'answer', afterSeconds: 2, hangUpAfterSeconds: 60 });
    run.clock.advance(2 * SECOND);
    expect(run.drain()).toEqual(['interaction.customer-answered']);
    await run.adapter.execute(AGENTS.ada, { type: 'end-call', interactionId: ix });
    expect(run.adapter.telephony.activeCalls()).toBe(0);
    expect(run.clock.pendingTimers()).toBe(0);
    run.clock.advance(120 * SECOND);
    expect(run.drain()).toEqual(['interaction.call-ended', 'agent.presence-changed']);
    await run.adapter.stop();
  });

  it('stops ringing when the agent ends a ringing call or the callback is cancelled', async () => {
    const run = await adaDials({ kind: 'answer', afterSeconds: 30 });
    await run.adapter.execute(AGENTS.ada, { type: 'end-call', interactionId: ix });
    expect(run.adapter.telephony.activeCalls()).toBe(0);

    run.adapter.telephony.setBehaviour(NUMBERS.first, { kind: 'answer', afterSeconds: 30 });
    await run.request(2, { queueId: QUEUES.customerFirst });
    expect(run.adapter.telephony.activeCalls()).toBe(1);
    await run.adapter.cancelCallback('cb-2', 'customer');
    expect(run.adapter.telephony.activeCalls()).toBe(0);
    run.clock.advance(60 * SECOND);
    expect(run.interaction('ix-2')?.state).toBe('closed');
    await run.adapter.stop();
  });

  it('dials customer-first callbacks by itself and offers the answered call', async () => {
    const run = await startMock({ config: { defaultBehaviour: { kind: 'answer', afterSeconds: 5 } } });
    await run.request(1, { queueId: QUEUES.customerFirst });
    expect(run.drain()).toEqual(['interaction.created', 'interaction.dialing', 'agent.presence-changed']);
    run.clock.advance(5 * SECOND);
    expect(run.drain()).toEqual(['interaction.customer-answered', 'agent.presence-changed', 'interaction.offered']);
    await run.adapter.stop();
  });

  it('applies behaviours set before start', async () => {
    const run = await startMock({
      beforeStart: (adapter) => adapter.telephony.setBehaviour(NUMBERS.first, { kind: 'busy', afterSeconds: 1 }),
    });
    await run.request(1, { queueId: QUEUES.customerFirst });
    run.clock.advance(SECOND);
    expect(run.sink.events.find((event) => event.type === 'interaction.dial-failed')).toMatchObject({ failure: 'busy' });
    await run.adapter.stop();
  });
});
