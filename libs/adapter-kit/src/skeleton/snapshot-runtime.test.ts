import { AdapterError, createFakeClock } from '@icc/core';
import { exampleCallback, type Interaction, type NewIccEvent } from '@icc/protocol';
import { createRecordingLogger } from '../conformance/recording-logger';
import { createRecordingSink } from '../conformance/recording-sink';
import { createSnapshotRuntime } from './snapshot-runtime';
import type { TrackedWork } from './vendor-snapshots';

interface Snapshot {
  id: string;
  progress: number;
  iccId?: string;
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

async function setUp() {
  const clock = createFakeClock('2026-03-10T14:00:00Z');
  const sink = createRecordingSink();
  const stopped: string[] = [];
  const read: string[] = [];
  const callback = exampleCallback({ id: 'cb-1', number: 'CB0000001', interactionId: 'ix-1', expireAt: '2026-03-10T15:00:00Z' });
  await sink.emit([
    { type: 'interaction.created', interactionId: 'ix-1', callbackId: 'cb-1', at: '2026-03-10T14:00:00.000Z', callback, queueName: 'Support', vendor: 'example', vendorRef: 'w-1', initialState: 'queued' },
  ]);
  const interaction = sink.interaction('ix-1') as Interaction;
  const runtime = createSnapshotRuntime<Snapshot, TrackedWork<Snapshot>>({
    vendor: 'example',
    context: {
      sink,
      clock,
      logger: createRecordingLogger(),
      queues: [],
      agents: [],
      openInteractions: [interaction],
      getCallback: () => callback,
    },
    signal: new AbortController().signal,
    refOf: (snapshot) => snapshot.id,
    interactionIdOf: (snapshot) => snapshot.iccId,
    rank: (snapshot) => ({ progress: snapshot.progress, toggles: '' }),
    plan: (work, view, snapshot) =>
      snapshot.progress === 2 && view.state === 'queued'
        ? [{ type: 'interaction.offered', interactionId: work.interactionId, callbackId: work.callbackId, at: new Date(clock.now()).toISOString(), agentId: 'ada', expiresAt: '2026-03-10T14:00:30Z' } as NewIccEvent]
        : [],
    readBack: async (vendorRef) => {
      read.push(vendorRef);
      return { id: vendorRef, progress: 1 };
    },
    stopWork: async (vendorRef) => stopped.push(vendorRef),
    reconcileAfterMs: 60_000,
  });
  return { clock, sink, runtime, stopped, read };
}

describe('createSnapshotRuntime', () => {
  it('restores the open interactions of a previous run and reads their work back', async () => {
    const { runtime, read } = await setUp();
    runtime.start((interaction, callback) => ({ callbackId: callback.id, interactionId: interaction.id, number: callback.number }));
    await settle();
    expect(runtime.interactions.interaction('ix-1')?.state).toBe('queued');
    expect(runtime.works.byVendorRef('w-1')?.interactionId).toBe('ix-1');
    expect(read).toEqual(['w-1']);
    expect(runtime.stats()).toMatchObject({ reconciled: 1, tracked: 1, pending: 0 });
    runtime.stop();
  });

  it('plans notified snapshots in order and stores what they change', async () => {
    const { runtime, sink } = await setUp();
    runtime.start((interaction, callback) => ({ callbackId: callback.id, interactionId: interaction.id, number: callback.number }));
    await settle();
    runtime.notified({ id: 'w-1', progress: 2 });
    await settle();
    expect(sink.events.map((event) => event.type)).toEqual(['interaction.created', 'interaction.offered']);
    expect(runtime.interactions.interaction('ix-1')?.state).toBe('offered');
    runtime.stop();
  });

  it('at the expire time ends the work item at the vendor, then closes the interaction as expired', async () => {
    const { runtime, sink, clock, stopped } = await setUp();
    runtime.start((interaction, callback) => ({ callbackId: callback.id, interactionId: interaction.id, number: callback.number }));
    clock.advanceTo(Date.parse('2026-03-10T15:00:00Z'));
    for (let i = 0; i < 5; i++) await settle();
    expect(stopped).toEqual(['w-1']);
    expect(sink.interaction('ix-1')).toMatchObject({ state: 'closed', outcome: 'expired' });
    expect(runtime.works.byInteraction('ix-1')).toBeUndefined();
    runtime.stop();
  });

  it('creates at the vendor: links the answer, stores created with it; after an ambiguous failure the work item is an orphan', async () => {
    const { runtime, sink, stopped } = await setUp();
    runtime.start(() => undefined);
    const callback = exampleCallback({ id: 'cb-2', number: 'CB0000002', interactionId: 'ix-2' });
    const created = { type: 'interaction.created', interactionId: 'ix-2', callbackId: 'cb-2', at: '2026-03-10T14:00:00.000Z', callback, queueName: 'Support', vendor: 'example', initialState: 'queued' } as const;
    await runtime.create({ callbackId: 'cb-2', interactionId: 'ix-2', number: 'CB0000002' }, created, async () => 'w-2');
    expect(sink.interaction('ix-2')).toMatchObject({ state: 'queued', vendorRef: 'w-2' });
    expect(runtime.works.byVendorRef('w-2')?.interactionId).toBe('ix-2');

    const lost = runtime.create({ callbackId: 'cb-3', interactionId: 'ix-3', number: 'CB0000003' }, { ...created, interactionId: 'ix-3', callbackId: 'cb-3' }, () => Promise.reject(new AdapterError('socket hang up', true)));
    await expect(lost).rejects.toThrow('socket hang up');
    expect(runtime.works.byInteraction('ix-3')).toBeUndefined();
    runtime.notified({ id: 'w-3', progress: 1, iccId: 'ix-3' });
    runtime.notified({ id: 'w-3', progress: 2, iccId: 'ix-3' });
    await settle();
    expect(stopped).toEqual(['w-3']);
    runtime.stop();
  });
});
