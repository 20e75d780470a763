import { IccError } from '@icc/core';
import { AGENTS, MINUTE, QUEUES, SECOND, START, mockAgents, startMock } from './__tests__/mock-harness';

const iso = (epochMs: number) => new Date(epochMs).toISOString();
const t0 = Date.parse(START);
const offline = () => mockAgents().map((agent) => ({ ...agent, presence: 'offline' as const }));
const scheduledAt = (start: number) => ({ schedule: { type: 'scheduled' as const, start: iso(start) } });

describe('mock adapter: the one wake timer', () => {
  it('keeps a single timer for many scheduled callbacks and wakes for each start in turn', async () => {
    const run = await startMock({ agents: offline() });
    for (let n = 1; n <= 50; n++) {
      await run.request(n, { ...scheduledAt(t0 + n * 10 * MINUTE), expireAt: iso(t0 + (n * 10 + 600) * MINUTE) });
    }
    expect(run.clock.pendingTimers()).toBe(1);
    run.drain();

    for (const n of [1, 2, 3]) {
      run.clock.advanceTo(t0 + n * 10 * MINUTE - 1);
      expect(run.drain()).toEqual([]);
      run.clock.advanceTo(t0 + n * 10 * MINUTE);
      expect(run.drain()).toEqual(['interaction.queued']);
      expect(run.interaction(`ix-${n}`)?.state).toBe('queued');
      expect(run.interaction(`ix-${n + 1}`)?.state).toBe('scheduled');
      expect(run.clock.pendingTimers()).toBe(1);
    }
    await run.adapter.stop();
  });

  it('re-arms earlier when a new deadline comes before the armed one', async () => {
    const run = await startMock({ agents: offline() });
    await run.request(1, scheduledAt(t0 + 60 * MINUTE));
    await run.request(2, scheduledAt(t0 + 10 * MINUTE));
    expect(run.clock.pendingTimers()).toBe(1);
    run.drain();

    run.clock.advanceTo(t0 + 10 * MINUTE);
    expect(run.drain()).toEqual(['interaction.queued']);
    expect(run.interaction('ix-2')?.state).toBe('queued');
    run.clock.advanceTo(t0 + 60 * MINUTE);
    expect(run.drain()).toEqual(['interaction.queued']);
    expect(run.clock.pendingTimers()).toBe(0);
    await run.adapter.stop();
  });

  it('re-arms after firing: offer timeouts keep re-offering at each expiry', async () => {
    const run = await startMock();
    await run.request(1);
    run.drain();
    run.clock.advance(30 * SECOND);
    expect(run.drain()).toEqual(['interaction.offer-declined', 'interaction.offered']);
    run.clock.advance(30 * SECOND);
    expect(run.drain()).toEqual(['interaction.offer-declined', 'interaction.offered']);
    expect(run.clock.pendingTimers()).toBe(1);
    await run.adapter.stop();
  });

  it('leaves no pending timers after stop, and refuses work until started again', async () => {
    const run = await startMock({ config: { defaultBehaviour: { kind: 'answer', afterSeconds: 30, hangUpAfterSeconds: 60 } } });
    await run.request(1, { queueId: QUEUES.customerFirst });
    await run.request(2);
    expect(run.adapter.telephony.activeCalls()).toBe(1);
    expect(run.clock.pendingTimers()).toBe(2);

    await run.adapter.stop();
    expect(run.clock.pendingTimers()).toBe(0);
    expect(run.adapter.telephony.activeCalls()).toBe(0);
    await expect(run.request(3)).rejects.toMatchObject({ code: 'vendor_unavailable' });
    await expect(run.adapter.execute(AGENTS.grace, { type: 'accept', interactionId: 'ix-2' })).rejects.toBeInstanceOf(IccError);
    expect(() => run.adapter.queuePosition?.('cb-1')).toThrow(IccError);
    await run.adapter.stop();
  });

  it('refuses a second start', async () => {
    const run = await startMock();
    await expect(
      run.adapter.start({
        sink: run.sink,
        clock: run.clock,
        logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
        queues: [],
        agents: [],
        openInteractions: [],
        getCallback: () => undefined,
      }),
    ).rejects.toMatchObject({ code: 'vendor_unavailable' });
    await run.adapter.stop();
    expect(run.clock.pendingTimers()).toBe(0);
  });

  it('keeps the next wake armed when the store fails to take a timer’s events', async () => {
    const run = await startMock();
    await run.request(1);
    run.drain();
    const emit = run.sink.emit.bind(run.sink);
    run.sink.emit = () => Promise.reject(new Error('disk full'));
    run.clock.advance(30 * SECOND);
    run.sink.emit = emit;
    expect(run.clock.pendingTimers()).toBe(1);
    run.clock.advance(30 * SECOND);
    expect(run.drain()).toEqual(['interaction.offer-declined', 'interaction.offered']);
    await run.adapter.stop();
  });
});
