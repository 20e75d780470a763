import {
  exampleCallback,
  exampleInteraction,
  exampleInteractionCreatedEvent,
  exampleInteractionEvent,
  type Interaction,
} from '@icc/protocol';
import { deepFreeze, foldAll, story } from './fold-story.test-support';
import { createInteraction, reduceInteraction } from './reduce-interaction';

describe('createInteraction', () => {
  it('builds the example interaction from the example created event', () => {
    expect(createInteraction(exampleInteractionCreatedEvent())).toEqual(exampleInteraction());
  });

  it('carries the schedule, expiry and transfer origin of a scheduled, transferred callback', () => {
    const callback = exampleCallback({
      mode: 'customer-first',
      schedule: { type: 'scheduled', start: '2026-03-11T16:00:00Z', windowEnd: '2026-03-11T17:00:00Z' },
      expireAt: '2026-03-14T23:59:59Z',
      retryPolicy: { maxAttempts: 5, minIntervalSeconds: 600 },
    });
    const created = createInteraction(
      exampleInteractionCreatedEvent({
        callback,
        initialState: 'scheduled',
        scheduledAt: '2026-03-11T16:00:00Z',
        transferredFrom: 'ix-0000',
      }),
    );
    expect(created).toMatchObject({
      mode: 'customer-first',
      state: 'scheduled',
      scheduledAt: '2026-03-11T16:00:00Z',
      windowEnd: '2026-03-11T17:00:00Z',
      expireAt: '2026-03-14T23:59:59Z',
      transferredFrom: 'ix-0000',
      maxAttempts: 5,
    });
    expect(created.card).toMatchObject({ type: 'scheduled', scheduledAt: '2026-03-11T16:00:00Z', attempt: 0, maxAttempts: 5 });
  });
});

describe('reduceInteraction, agent-first preview actions', () => {
  const event = story('2026-03-10T14:05:00Z');
  // Folded in beforeAll, not while collecting (see reduce-interaction-agent-first.test.ts).
  let previewing: Interaction;
  beforeAll(() => {
    previewing = foldAll([
      event('interaction.created'),
      event('interaction.offered'),
      event('interaction.accepted', { autoDialAt: '2026-03-10T14:10:00Z' }),
    ]).pop() as Interaction;
  });

  it('transfers the callback, cancels the transfer, and finally closes as transferred', () => {
    const requested = deepFreeze(
      event('interaction.transfer-requested', { target: { kind: 'queue', queueId: 'q-sales' }, toInteractionId: 'ix-0002' }),
    );
    expect(previewing.autoDialAt).toBe('2026-03-10T14:10:00Z');
    const transferring = reduceInteraction(deepFreeze(previewing), requested);
    expect(transferring.state).toBe('transferring');
    expect(transferring.transfer).toEqual({
      target: { kind: 'queue', queueId: 'q-sales' },
      toInteractionId: 'ix-0002',
      requestedAt: requested.at,
    });
    expect(transferring.autoDialAt).toBeUndefined();
    const back = reduceInteraction(deepFreeze(transferring), event('interaction.transfer-cancelled'));
    expect(back.state).toBe('previewing');
    expect(back.transfer).toBeUndefined();
    const again = reduceInteraction(back, event('interaction.transfer-requested'));
    const closed = reduceInteraction(deepFreeze(again), event('interaction.closed', { outcome: 'transferred', by: 'system' }));
    expect(closed).toMatchObject({ state: 'closed', outcome: 'transferred' });
  });

  it('closes the callback from preview when the issue is already solved', () => {
    const closed = reduceInteraction(
      deepFreeze(previewing),
      event('interaction.closed', { outcome: 'completed', by: 'agent', wrapUp: undefined, closeReason: { code: 'custom', label: 'Solved by e-mail' } }),
    );
    expect(closed).toMatchObject({ state: 'closed', outcome: 'completed', customerOnLine: false });
    expect(closed.autoDialAt).toBeUndefined();
    expect(closed.wrapUp).toBeUndefined();
  });

  it('reschedules after no answer: back to scheduled, unassigned, card marked scheduled', () => {
    const noAnswer = foldAll([
      event('interaction.created'),
      event('interaction.offered'),
      event('interaction.accepted'),
      event('interaction.dialing'),
      event('interaction.dial-failed'),
    ]).pop() as Interaction;
    const rescheduled = reduceInteraction(
      noAnswer,
      event('interaction.rescheduled', { scheduledAt: '2026-03-12T15:00:00Z', windowEnd: undefined, by: 'agent' }),
    );
    expect(rescheduled).toMatchObject({ state: 'scheduled', scheduledAt: '2026-03-12T15:00:00Z', customerOnLine: false });
    expect(rescheduled.agentId).toBeUndefined();
    expect(rescheduled.windowEnd).toBeUndefined();
    expect(rescheduled.card).toMatchObject({ type: 'scheduled', scheduledAt: '2026-03-12T15:00:00Z', attempt: 1 });
    const queued = reduceInteraction(rescheduled, event('interaction.queued', { cause: 'schedule-start', overdue: true }));
    expect(queued.state).toBe('queued');
  });

  it('updates the context card when the callback is edited, without changing state', () => {
    const updated = reduceInteraction(
      deepFreeze(previewing),
      event('callback.updated', { changes: { notes: 'Call after 4 pm', attributes: { productModel: 'AX-3100' } } }),
    );
    expect(updated.state).toBe('previewing');
    expect(updated.card).toMatchObject({ notes: 'Call after 4 pm', attributes: { productModel: 'AX-3100' }, shortDescription: previewing.card.shortDescription });
  });
});

describe('reduceInteraction never mutates its inputs', () => {
  it('leaves a frozen interaction and event untouched for every allowed event from a live call', () => {
    const connected = deepFreeze(
      exampleInteraction({
        state: 'connected',
        agentId: 'agent-ada',
        customerOnLine: true,
        attempts: [{ attempt: 1, phoneNumber: '+14155552671', startedAt: '2026-03-10T14:07:02Z', outcome: 'answered' }],
      }),
    );
    const snapshot = structuredClone(connected);
    for (const type of ['interaction.held', 'interaction.muted', 'interaction.consult-started', 'interaction.call-ended'] as const) {
      const frozenEvent = deepFreeze(exampleInteractionEvent(type, { seq: 5 }));
      const eventSnapshot = structuredClone(frozenEvent);
      const next = reduceInteraction(connected, frozenEvent);
      expect(next).not.toBe(connected);
      expect(frozenEvent).toEqual(eventSnapshot);
    }
    expect(connected).toEqual(snapshot);
  });
});
