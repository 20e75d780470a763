import { exampleInteractionEvent, type NewIccEvent } from '@icc/protocol';
import { createRecordingSink } from './recording-sink';

function newEvent(type: Parameters<typeof exampleInteractionEvent>[0], overrides: Record<string, unknown> = {}): NewIccEvent {
  const { seq: _seq, ...event } = exampleInteractionEvent(type, overrides);
  return event as NewIccEvent;
}

describe('createRecordingSink', () => {
  it('numbers legal events, folds them and resolves with them', async () => {
    const sink = createRecordingSink();
    const stored = await sink.emit([newEvent('interaction.created'), newEvent('interaction.offered')]);
    expect(stored.map((event) => [event.seq, event.type])).toEqual([
      [1, 'interaction.created'],
      [2, 'interaction.offered'],
    ]);
    const created = stored[0];
    const interactionId = created && created.type !== 'agent.presence-changed' ? created.interactionId : '';
    expect(sink.interaction(interactionId)?.state).toBe('offered');
    expect(sink.stateHistory(interactionId)).toEqual([
      { seq: 1, state: 'queued' },
      { seq: 2, state: 'offered' },
    ]);
    expect(sink.callback(created && 'callbackId' in created ? created.callbackId : '')?.state).toBe('in-progress');
    expect(sink.violations).toEqual([]);
  });

  it('refuses a batch with an illegal transition as a whole and records why', async () => {
    const sink = createRecordingSink();
    await sink.emit([newEvent('interaction.created')]);
    await expect(sink.emit([newEvent('interaction.offered'), newEvent('interaction.held')])).rejects.toThrow('conformance sink refused');
    expect(sink.events).toHaveLength(1);
    expect(sink.interactions()[0]?.state).toBe('queued');
    expect(sink.violations).toEqual([expect.stringContaining('"interaction.held" is not allowed while the interaction is offered')]);
  });

  it('refuses an event that does not match the protocol', async () => {
    const sink = createRecordingSink();
    await sink.emit([newEvent('interaction.created')]);
    await expect(sink.emit([newEvent('interaction.dialing', { phoneNumber: '555-2671' })])).rejects.toThrow();
    expect(sink.violations).toEqual([expect.stringContaining('interaction.dialing does not match the protocol at phoneNumber')]);
  });
});
