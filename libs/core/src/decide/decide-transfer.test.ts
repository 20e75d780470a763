import { exampleCallback, exampleInteraction } from '@icc/protocol';
import { decideCallbackTransfer, decideTransferCancel, decideTransferCompleted } from './decide-transfer';

const NOW = Date.parse('2026-03-10T14:20:00.000Z');
const AT = '2026-03-10T14:20:00.000Z';

describe('decideCallbackTransfer', () => {
  const source = exampleInteraction({ state: 'previewing', agentId: 'agent-ada', queueId: 'q-support', vendor: 'genesys' });
  const callback = exampleCallback({ queueId: 'q-support' });

  it('records the request on the sender and creates the receiving interaction in the target queue', () => {
    const [requested, created] = decideCallbackTransfer(source, {
      callback,
      target: { kind: 'queue', queueId: 'q-billing' },
      queue: { id: 'q-billing', name: 'Billing' },
      toInteractionId: 'ix-2',
      now: NOW,
      vendorRef: 'conv-1',
    });
    expect(requested).toEqual({ type: 'interaction.transfer-requested', interactionId: source.id, callbackId: source.callbackId, at: AT, target: { kind: 'queue', queueId: 'q-billing' }, toInteractionId: 'ix-2' });
    expect(created).toEqual({
      type: 'interaction.created',
      interactionId: 'ix-2',
      callbackId: callback.id,
      at: AT,
      callback: { ...callback, queueId: 'q-billing', interactionId: 'ix-2' },
      queueName: 'Billing',
      vendor: 'genesys',
      vendorRef: 'conv-1',
      initialState: 'queued',
      transferredFrom: source.id,
    });
  });

  it('leaves the vendor reference out when the vendor gave none', () => {
    const [, created] = decideCallbackTransfer(source, { callback, target: { kind: 'queue', queueId: 'q-billing' }, queue: { id: 'q-billing', name: 'Billing' }, toInteractionId: 'ix-2', now: NOW });
    expect(created).not.toHaveProperty('vendorRef');
  });

  it('refuses a transfer to the sending agent or to the queue it is in', () => {
    const common = { callback, queue: { id: 'q-support', name: 'Support' }, toInteractionId: 'ix-2', now: NOW };
    expect(() => decideCallbackTransfer(source, { ...common, target: { kind: 'agent', agentId: 'agent-ada' } })).toThrow('Cannot transfer a callback to yourself');
    expect(() => decideCallbackTransfer(source, { ...common, target: { kind: 'queue', queueId: 'q-support' } })).toThrow('already in that queue');
  });
});

describe('decideTransferCancel', () => {
  const source = exampleInteraction({ id: 'ix-1', state: 'transferring' });
  it('records the cancel and closes the receiving interaction while it is open', () => {
    const events = decideTransferCancel(source, { id: 'ix-2', callbackId: source.callbackId, state: 'queued' }, NOW);
    expect(events.map((event) => [event.type, event.interactionId])).toEqual([
      ['interaction.transfer-cancelled', 'ix-1'],
      ['interaction.closed', 'ix-2'],
    ]);
    expect(events[1]).toMatchObject({ outcome: 'cancelled', by: 'agent', detail: 'Transfer cancelled by the sending agent' });
    expect(decideTransferCancel(source, { id: 'ix-2', callbackId: source.callbackId, state: 'closed' }, NOW)).toHaveLength(1);
  });
});

describe('decideTransferCompleted', () => {
  it('closes a sender that is still transferring as transferred, naming the receiver', () => {
    const closed = decideTransferCompleted({ id: 'ix-2', agentId: 'agent-grace' }, { id: 'ix-1', callbackId: 'cb-1', state: 'transferring' }, NOW);
    expect(closed).toEqual({ type: 'interaction.closed', interactionId: 'ix-1', callbackId: 'cb-1', at: AT, outcome: 'transferred', by: 'agent', detail: 'Accepted by agent-grace as ix-2' });
    expect(decideTransferCompleted({ id: 'ix-2' }, { id: 'ix-1', callbackId: 'cb-1', state: 'closed' }, NOW)).toBeUndefined();
    expect(decideTransferCompleted({ id: 'ix-2' }, { id: 'ix-1', callbackId: 'cb-1', state: 'transferring' }, NOW)?.detail).toBe('Accepted by the receiver as ix-2');
  });
});
