import {
  exampleCallback,
  exampleInteractionCreatedEvent,
  exampleInteractionEvent,
  type Callback,
  type CallbackState,
  type InteractionEvent,
  type InteractionOutcome,
} from '@icc/protocol';
import { deepFreeze } from './fold-story.test-support';
import { reduceCallback } from './reduce-callback';

/** Folds deep-frozen events so any mutation of an input throws. */
function fold(events: InteractionEvent[], start?: Callback): Callback | undefined {
  return events.reduce<Callback | undefined>((callback, event) => deepFreeze(reduceCallback(callback, deepFreeze(event))), start);
}

const created = () => exampleInteractionCreatedEvent();
const offered = () => exampleInteractionEvent('interaction.offered', { seq: 2 });
const accepted = () => exampleInteractionEvent('interaction.accepted', { seq: 3 });
const dialing = (attempt: number) => exampleInteractionEvent('interaction.dialing', { seq: 3 + attempt, attempt });

describe('reduceCallback', () => {
  it('starts from the created event, pointing at the new interaction', () => {
    expect(fold([created()])).toEqual({ ...exampleCallback(), vendor: created().vendor });
    expect(fold([exampleInteractionCreatedEvent({ interactionId: 'ix-0042' })])?.interactionId).toBe('ix-0042');
  });

  it('starts afresh from a created event that is not a transfer, whatever it knew of the callback before', () => {
    const earlier = fold([created(), exampleInteractionEvent('callback.updated', { changes: { notes: 'Old note' } })]);
    const again = fold([exampleInteractionCreatedEvent({ interactionId: 'ix-0042' })], earlier);
    expect(again).toEqual({ ...exampleCallback(), interactionId: 'ix-0042', vendor: created().vendor });
  });

  it('names the vendor and its id of the interaction now carrying the callback', () => {
    const first = fold([exampleInteractionCreatedEvent({ vendor: 'genesys', vendorRef: 'conv-1' })]);
    expect(first).toMatchObject({ vendor: 'genesys', vendorRef: 'conv-1' });
    const transferred = reduceCallback(first, exampleInteractionCreatedEvent({ interactionId: 'ix-0042', transferredFrom: 'ix-0001', vendor: 'genesys' }));
    expect(transferred).toMatchObject({ interactionId: 'ix-0042', vendor: 'genesys' });
    expect(transferred).not.toHaveProperty('vendorRef');
  });

  it('ignores events for a callback it has never seen', () => {
    expect(reduceCallback(undefined, offered())).toBeUndefined();
  });

  it('is in progress once offered or accepted, and counts each dial as an attempt', () => {
    expect(fold([created(), offered()])?.state).toBe('in-progress');
    const afterDials = fold([created(), offered(), accepted(), dialing(1), dialing(2)]);
    expect(afterDials).toMatchObject({ state: 'in-progress', attempts: 2 });
  });

  it('shows the next retry time until the next dial or reschedule', () => {
    const waiting = fold([created(), dialing(1), exampleInteractionEvent('interaction.retry-scheduled', { nextRetryAt: '2026-03-10T14:20:00Z' })]);
    expect(waiting?.nextRetryAt).toBe('2026-03-10T14:20:00Z');
    expect(fold([dialing(2)], waiting)).not.toHaveProperty('nextRetryAt');
    const rescheduled = fold(
      [exampleInteractionEvent('interaction.rescheduled', { scheduledAt: '2026-03-12T15:00:00Z', windowEnd: '2026-03-12T16:00:00Z' })],
      waiting,
    );
    expect(rescheduled).not.toHaveProperty('nextRetryAt');
    expect(rescheduled).toMatchObject({
      state: 'pending',
      schedule: { type: 'scheduled', start: '2026-03-12T15:00:00Z', windowEnd: '2026-03-12T16:00:00Z' },
    });
  });

  it('keeps its queue and leaves nobody assigned on a plain reschedule; hands it to the agent a reschedule names', () => {
    const plain = fold([exampleInteractionEvent('interaction.rescheduled', { scheduledAt: '2026-03-12T09:00:00Z' })], exampleCallback());
    expect(plain?.queueId).toBe('q-support');
    expect(plain).not.toHaveProperty('assignedAgentId');
    const kept = fold([exampleInteractionEvent('interaction.rescheduled', { scheduledAt: '2026-03-12T09:00:00Z', assignedAgentId: 'agent-ada' })], exampleCallback());
    expect(kept?.assignedAgentId).toBe('agent-ada');
  });

  it('keeps whoever keeps it through a reschedule that does not say, and releases it to the queue on assignedAgentId null', () => {
    const keptByAda = exampleCallback({ assignedAgentId: 'agent-ada' });
    const moved = fold([exampleInteractionEvent('interaction.rescheduled', { scheduledAt: '2026-03-12T09:00:00Z' })], keptByAda);
    expect(moved?.assignedAgentId).toBe('agent-ada');
    const released = fold([exampleInteractionEvent('interaction.rescheduled', { scheduledAt: '2026-03-12T09:00:00Z', assignedAgentId: null })], keptByAda);
    expect(released).not.toHaveProperty('assignedAgentId');
    const handedOver = fold([exampleInteractionEvent('interaction.rescheduled', { scheduledAt: '2026-03-12T09:00:00Z', assignedAgentId: 'agent-bob' })], keptByAda);
    expect(handedOver?.assignedAgentId).toBe('agent-bob');
  });

  it('drops a stale window end when rescheduled without one', () => {
    const scheduled = exampleCallback({ schedule: { type: 'scheduled', start: '2026-03-11T16:00:00Z', windowEnd: '2026-03-11T17:00:00Z' } });
    const rescheduled = fold([exampleInteractionEvent('interaction.rescheduled', { scheduledAt: '2026-03-12T09:00:00Z', windowEnd: undefined })], scheduled);
    expect(rescheduled?.schedule).toEqual({ type: 'scheduled', start: '2026-03-12T09:00:00Z' });
  });

  it('applies descriptive updates', () => {
    const updated = fold([created(), exampleInteractionEvent('callback.updated', { changes: { notes: 'Prefers French', caseRef: 'CS0042099' } })]);
    expect(updated).toMatchObject({ notes: 'Prefers French', caseRef: 'CS0042099', shortDescription: exampleCallback().shortDescription });
  });

  it.each<[InteractionOutcome, CallbackState]>([
    ['completed', 'completed'],
    ['cancelled', 'cancelled'],
    ['expired', 'expired'],
    ['failed', 'failed'],
    ['no-answer', 'failed'],
  ])('maps a %s interaction to a %s callback, closed at the event time', (outcome, state) => {
    const closedAt = '2026-03-10T15:00:00Z';
    const callback = fold([created(), dialing(1), exampleInteractionEvent('interaction.closed', { outcome, at: closedAt })]);
    expect(callback).toMatchObject({ state, closedAt, attempts: 1 });
  });

  it('leaves call-level events alone (same object back)', () => {
    const callback = deepFreeze(exampleCallback({ state: 'in-progress' }));
    for (const type of ['interaction.held', 'interaction.muted', 'interaction.customer-answered', 'interaction.call-ended'] as const) {
      expect(reduceCallback(callback, exampleInteractionEvent(type))).toBe(callback);
    }
  });
});

describe('reduceCallback across a callback transfer', () => {
  const requested = () =>
    exampleInteractionEvent('interaction.transfer-requested', {
      target: { kind: 'queue', queueId: 'q-sales' },
      toInteractionId: 'ix-0002',
    });
  const receiving = () =>
    exampleInteractionCreatedEvent({
      interactionId: 'ix-0002',
      callback: exampleCallback({ queueId: 'q-sales', interactionId: 'ix-0002' }),
      queueName: 'Sales',
      transferredFrom: 'ix-0001',
    });
  const inPreview = () => fold([created(), offered(), accepted()]);

  it('moves the open callback to the receiving interaction and its queue', () => {
    const moved = fold([requested(), receiving()], inPreview());
    expect(moved).toMatchObject({ interactionId: 'ix-0002', queueId: 'q-sales', state: 'pending' });
    expect(moved?.number).toBe('CB0000123');
  });

  it('keeps what happened to the callback before the transfer (an edit), rather than the receiving event’s copy', () => {
    const edited = fold([exampleInteractionEvent('callback.updated', { changes: { shortDescription: 'Edited in preview' } })], inPreview());
    expect(fold([requested(), receiving()], edited)?.shortDescription).toBe('Edited in preview');
  });

  it('keeps the callback open when the sending interaction closes as transferred', () => {
    const moved = fold([requested(), receiving()], inPreview());
    const afterSenderClosed = fold([exampleInteractionEvent('interaction.closed', { outcome: 'transferred', interactionId: 'ix-0001' })], moved);
    expect(afterSenderClosed).toEqual(moved);
    expect(afterSenderClosed?.closedAt).toBeUndefined();
    const offeredThere = fold([exampleInteractionEvent('interaction.offered', { interactionId: 'ix-0002', agentId: 'agent-grace' })], afterSenderClosed);
    expect(offeredThere).toMatchObject({ state: 'in-progress', interactionId: 'ix-0002' });
  });

  it('returns to the sender when the transfer is cancelled, ignoring the closed receiver', () => {
    const moved = fold([requested(), receiving()], inPreview());
    const back = fold(
      [
        exampleInteractionEvent('interaction.transfer-cancelled', { interactionId: 'ix-0001', queueId: 'q-support' }),
        exampleInteractionEvent('interaction.closed', { interactionId: 'ix-0002', outcome: 'cancelled' }),
      ],
      moved,
    );
    expect(back).toMatchObject({ interactionId: 'ix-0001', queueId: 'q-support', state: 'in-progress' });
    expect(back?.closedAt).toBeUndefined();
  });

  it('closes only when the interaction now carrying it closes', () => {
    const moved = fold([requested(), receiving()], inPreview());
    const done = fold([exampleInteractionEvent('interaction.closed', { interactionId: 'ix-0002', outcome: 'completed' })], moved);
    expect(done?.state).toBe('completed');
  });
});
