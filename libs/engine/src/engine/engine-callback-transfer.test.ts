import type { TransferTarget } from '@icc/protocol';
import { IccError } from '@icc/core';
import {
  AGENTS,
  HOUR,
  NUMBERS,
  QUEUES,
  T0,
  closings,
  createEngineHarness,
  eventTypes,
  interactionId,
  iso,
  offers,
  onlyEvent,
} from './__tests__/engine-fixtures';

const source = interactionId(1);
const receiver = 'ix-transfer-1';

function previewingWithAda(expireAt?: number) {
  const h = createEngineHarness();
  h.presence(AGENTS.ada, 'available');
  h.request(1, expireAt === undefined ? {} : { expireAt: iso(expireAt) });
  h.execute(AGENTS.ada, { type: 'accept', interactionId: source });
  return h;
}

const transfer = (h: ReturnType<typeof previewingWithAda>, target: TransferTarget) =>
  h.execute(AGENTS.ada, { type: 'transfer-callback', interactionId: source, target });

describe('callback engine: transfer callback', () => {
  it('transfers to another queue; the receiver accepts, the sender closes as transferred', () => {
    const h = previewingWithAda();
    h.presence(AGENTS.grace, 'available');
    const started = transfer(h, { kind: 'queue', queueId: QUEUES.auto });
    expect(eventTypes(started)).toEqual(['interaction.transfer-requested', 'interaction.created', 'interaction.offered']);
    expect(onlyEvent(started, 'interaction.created')).toMatchObject({ transferredFrom: source, initialState: 'queued' });
    expect(offers(started)).toEqual([[receiver, AGENTS.grace]]);
    expect(h.engine.interaction(source)?.state).toBe('transferring');
    expect(h.engine.callback('cb-1')).toMatchObject({ interactionId: receiver, queueId: QUEUES.auto });

    const accepted = h.execute(AGENTS.grace, { type: 'accept', interactionId: receiver });
    expect(onlyEvent(accepted, 'interaction.closed')).toMatchObject({ interactionId: source, outcome: 'transferred' });
    expect(h.engine.interaction(receiver)).toMatchObject({ state: 'previewing', agentId: AGENTS.grace, queueId: QUEUES.auto });
    expect(h.engine.callback('cb-1')).toMatchObject({ state: 'in-progress', interactionId: receiver });

    // The sender is free again; the callback carries on with the receiver.
    expect(offers(h.request(2))).toEqual([[interactionId(2), AGENTS.ada]]);
    h.execute(AGENTS.grace, { type: 'dial', interactionId: receiver, phoneNumber: NUMBERS.first });
    h.telephony(receiver, 'answered');
    h.execute(AGENTS.grace, { type: 'end-call', interactionId: receiver });
    h.execute(AGENTS.grace, { type: 'submit-wrap-up', interactionId: receiver, wrapUp: { reason: 'resolved', notes: '' } });
    expect(h.stored().callbacks.get('cb-1')?.state).toBe('completed');
  });

  it('transfers to an agent, who gets the offer once available', () => {
    const h = previewingWithAda();
    h.presence(AGENTS.alan, 'available');
    expect(offers(transfer(h, { kind: 'agent', agentId: AGENTS.grace }))).toEqual([]);
    expect(offers(h.request(2))).toEqual([[interactionId(2), AGENTS.alan]]);

    expect(offers(h.presence(AGENTS.grace, 'available'))).toEqual([[receiver, AGENTS.grace]]);
    h.execute(AGENTS.grace, { type: 'accept', interactionId: receiver });
    expect(h.stored().interactions.get(source)).toMatchObject({ state: 'closed', outcome: 'transferred' });
    expect(h.engine.interaction(receiver)?.state).toBe('previewing');
  });

  it('cancels a transfer before the receiver accepts: the callback returns to the sender', () => {
    const h = previewingWithAda();
    h.presence(AGENTS.grace, 'available');
    transfer(h, { kind: 'agent', agentId: AGENTS.grace });
    expect(h.engine.interaction(receiver)?.state).toBe('offered');

    const cancelled = h.execute(AGENTS.ada, { type: 'cancel-transfer', interactionId: source });
    expect(eventTypes(cancelled)).toEqual(['interaction.transfer-cancelled', 'interaction.closed']);
    expect(onlyEvent(cancelled, 'interaction.closed')).toMatchObject({ interactionId: receiver, outcome: 'cancelled' });
    expect(h.engine.interaction(source)).toMatchObject({ state: 'previewing', agentId: AGENTS.ada });
    expect(h.engine.interaction(source)?.transfer).toBeUndefined();
    expect(h.engine.callback('cb-1')).toMatchObject({ state: 'in-progress', interactionId: source, queueId: QUEUES.manual });
    expect(offers(h.request(2))).toEqual([[interactionId(2), AGENTS.grace]]);
    expect(() => h.execute(AGENTS.grace, { type: 'accept', interactionId: receiver })).toThrow(IccError);
  });

  it('returns the callback to the sender when the receiving agent rejects it', () => {
    const h = previewingWithAda();
    h.presence(AGENTS.grace, 'available');
    transfer(h, { kind: 'agent', agentId: AGENTS.grace });

    const rejected = h.execute(AGENTS.grace, { type: 'reject', interactionId: receiver });
    expect(eventTypes(rejected)).toEqual(['interaction.offer-declined', 'interaction.transfer-cancelled', 'interaction.closed']);
    expect(h.engine.interaction(source)?.state).toBe('previewing');
    expect(h.stored().interactions.get(receiver)).toMatchObject({ state: 'closed', outcome: 'cancelled' });
    expect(h.engine.callback('cb-1')?.interactionId).toBe(source);
  });

  it('closes the sender too when the receiver expires before anyone accepts', () => {
    const h = previewingWithAda(T0 + HOUR);
    transfer(h, { kind: 'queue', queueId: QUEUES.auto });
    expect(closings(h.advanceBy(HOUR))).toEqual([
      [receiver, 'expired'],
      [source, 'expired'],
    ]);
    expect(h.stored().callbacks.get('cb-1')).toMatchObject({ state: 'expired', interactionId: receiver });
    expect(offers(h.request(2))).toEqual([[interactionId(2), AGENTS.ada]]);
  });

  it('cancelling the callback while it is being transferred closes both sides', () => {
    const h = previewingWithAda();
    transfer(h, { kind: 'queue', queueId: QUEUES.auto });
    expect(closings(h.cancel(1))).toEqual([
      [receiver, 'cancelled'],
      [source, 'cancelled'],
    ]);
    expect(h.stored().callbacks.get('cb-1')?.state).toBe('cancelled');
  });

  it.each([
    ['the same queue', { kind: 'queue', queueId: QUEUES.manual }, 'validation_failed'],
    ['oneself', { kind: 'agent', agentId: AGENTS.ada }, 'validation_failed'],
    ['an unknown queue', { kind: 'queue', queueId: 'q-nowhere' }, 'not_found'],
    ['an unknown agent', { kind: 'agent', agentId: 'agent-nobody' }, 'not_found'],
  ] as const)('refuses a transfer to %s', (_what, target, code) => {
    const h = previewingWithAda();
    expect(() => transfer(h, target)).toThrow(expect.objectContaining({ code }));
    expect(h.engine.interaction(source)?.state).toBe('previewing');
  });
});
