import { IccError } from '@icc/core';
import { FULL_CAPABILITIES, exampleCreateCallbackRequest } from '@icc/protocol';
import { createMockAdapter } from './mock-adapter';
import { AGENTS, NUMBERS, QUEUES, SECOND, startMock } from './__tests__/mock-harness';

describe('mock adapter: through the port', () => {
  it('declares itself as the mock vendor with every capability', () => {
    const adapter = createMockAdapter();
    expect(adapter.vendor).toBe('mock');
    expect(adapter.capabilities).toEqual(FULL_CAPABILITIES);
  });

  it('rejects a bad config when it is built', () => {
    expect(() => createMockAdapter({ defaultBehaviour: { kind: 'busy', afterSeconds: 3600 } })).toThrow();
  });

  it('resolves each change with the stored events, seq included', async () => {
    const run = await startMock();
    const stored = await run.request(1);
    expect(stored.map((event) => [event.type, event.seq])).toEqual([
      ['interaction.created', 1],
      ['interaction.offered', 2],
    ]);
    expect(run.adapter.queuePosition?.('cb-1')).toEqual({ position: null, estimatedWaitSeconds: null });
    await run.adapter.stop();
  });

  it('rejects what the engine refuses with its IccError and stores nothing', async () => {
    const run = await startMock();
    await run.request(1);
    run.drain();
    await expect(run.adapter.execute(AGENTS.grace, { type: 'accept', interactionId: 'ix-1' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      run.adapter.execute(AGENTS.ada, { type: 'dial', interactionId: 'ix-1', phoneNumber: NUMBERS.first }),
    ).rejects.toBeInstanceOf(IccError);
    await expect(run.adapter.cancelCallback('cb-404', 'api')).rejects.toMatchObject({ code: 'not_found' });
    expect(run.drain()).toEqual([]);
    await run.adapter.stop();
  });

  it('answers for a closed callback as before the engine forgot it: refused as closed, create still idempotent', async () => {
    const run = await startMock();
    await run.request(1);
    await run.adapter.cancelCallback('cb-1', 'api');
    run.drain();
    await expect(run.adapter.cancelCallback('cb-1', 'api')).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(run.adapter.updateCallback('cb-1', { notes: 'late' })).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(run.adapter.execute(AGENTS.ada, { type: 'accept', interactionId: 'ix-1' })).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(run.adapter.execute(AGENTS.grace, { type: 'accept', interactionId: 'ix-1' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await run.request(1)).toEqual([]);
    const conflicting = { callbackId: 'cb-1', interactionId: 'ix-again', number: 'CB9999999' };
    await expect(run.adapter.requestCallback(exampleCreateCallbackRequest(), conflicting)).rejects.toMatchObject({ code: 'idempotency_conflict' });
    expect(run.drain()).toEqual([]);
    await run.adapter.stop();
  });

  it('updates, reschedules and cancels through the port', async () => {
    const run = await startMock({ agents: [] });
    await run.request(1, { queueId: QUEUES.customerFirst });
    await run.adapter.updateCallback('cb-1', { notes: 'Prefers mornings' });
    const start = new Date(run.clock.now() + 3600 * SECOND).toISOString();
    await run.adapter.reschedule('cb-1', { start }, 'customer');
    expect(run.interaction('ix-1')).toMatchObject({ state: 'scheduled', scheduledAt: start, card: { notes: 'Prefers mornings' } });
    await run.adapter.cancelCallback('cb-1', 'customer', 'No longer needed');
    expect(run.drain()).toEqual(['interaction.created', 'callback.updated', 'interaction.rescheduled', 'interaction.closed']);
    expect(run.clock.pendingTimers()).toBe(0);
    await run.adapter.stop();
  });

  it('forgets behaviours cleared before start', async () => {
    const run = await startMock({
      config: { defaultBehaviour: { kind: 'answer', afterSeconds: 1 } },
      beforeStart: (adapter) => {
        adapter.telephony.setBehaviour(NUMBERS.first, { kind: 'busy', afterSeconds: 1 });
        adapter.telephony.clearBehaviours();
      },
    });
    await run.request(1, { queueId: QUEUES.customerFirst });
    run.clock.advance(SECOND);
    expect(run.drain()).toEqual([
      'interaction.created',
      'interaction.dialing',
      'agent.presence-changed',
      'interaction.customer-answered',
      'agent.presence-changed',
      'interaction.offered',
    ]);
    await run.adapter.stop();
  });
});
