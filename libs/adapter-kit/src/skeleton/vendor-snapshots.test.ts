import type { Interaction, NewIccEvent } from '@icc/protocol';
import { createRecordingLogger } from '../conformance/recording-logger';
import { createSnapshotSync, createWorkBook, restoreTrackedWork, type TrackedWork } from './vendor-snapshots';

interface Snapshot {
  id: string;
  iccId?: string;
  progress: number;
  toggles?: string;
}

function setUp(readBack: (ref: string) => Promise<Snapshot> = async (ref) => ({ id: ref, progress: 0 })) {
  const works = createWorkBook<TrackedWork<Snapshot>>();
  const views = new Map<string, Interaction>();
  const planned: Array<{ interactionId: string; snapshot: Snapshot }> = [];
  const orphans: string[] = [];
  const sync = createSnapshotSync<Snapshot, TrackedWork<Snapshot>>({
    vendor: 'example',
    works,
    interactions: { interaction: (id) => views.get(id) },
    refOf: (snapshot) => snapshot.id,
    interactionIdOf: (snapshot) => snapshot.iccId,
    rank: (snapshot) => ({ progress: snapshot.progress, toggles: snapshot.toggles ?? '' }),
    readBack,
    plan: (work, _view, snapshot) => {
      planned.push({ interactionId: work.interactionId, snapshot });
      return [{ type: 'interaction.muted' } as NewIccEvent];
    },
    store: async (events) => events.map((event, seq) => ({ ...event, seq })) as never,
    onOrphan: (ref) => orphans.push(ref),
    logger: createRecordingLogger(),
    now: () => 1_000,
  });
  const track = (interactionId: string, vendorRef?: string) => {
    const work: TrackedWork<Snapshot> = { callbackId: `cb-${interactionId}`, interactionId, number: 'CB1', ...(vendorRef ? { vendorRef } : {}) };
    works.add(work);
    return work;
  };
  const created = (interactionId: string) => views.set(interactionId, { id: interactionId, state: 'queued' } as Interaction);
  return { works, sync, planned, orphans, track, created };
}

describe('createSnapshotSync', () => {
  it('keeps the newest snapshot that arrives before the interaction exists, and finds work by the ICC id it carries', async () => {
    const { sync, track, planned, works } = setUp();
    const work = track('ix-1');
    expect(await sync.apply({ id: 'conv-1', iccId: 'ix-1', progress: 2 })).toEqual([]);
    await sync.apply({ id: 'conv-1', iccId: 'ix-1', progress: 1 });
    expect(work.early).toEqual({ id: 'conv-1', iccId: 'ix-1', progress: 2 });
    expect(works.byVendorRef('conv-1')).toBe(work);
    expect(work.lastSnapshotAt).toBe(1_000);
    expect(planned).toEqual([]);
  });

  it('drops stale and duplicate snapshots by rank and plans the newer ones', async () => {
    const { sync, track, created, planned } = setUp();
    track('ix-1', 'conv-1');
    created('ix-1');
    await sync.apply({ id: 'conv-1', progress: 3 });
    await sync.apply({ id: 'conv-1', progress: 2 });
    await sync.apply({ id: 'conv-1', progress: 3 });
    await sync.apply({ id: 'conv-1', progress: 4 });
    expect(planned.map((entry) => entry.snapshot.progress)).toEqual([3, 4]);
    expect(sync.stats()).toMatchObject({ stale: 1, duplicates: 1, readBacks: 0 });
  });

  it('reads back an equal-progress snapshot with other toggles, and uses the notification when the read fails', async () => {
    let fail = false;
    const { sync, track, created, planned } = setUp(async (ref) => {
      if (fail) throw new Error('503');
      return { id: ref, progress: 1, toggles: 'held' };
    });
    track('ix-1', 'conv-1');
    created('ix-1');
    await sync.apply({ id: 'conv-1', progress: 1 });
    await sync.apply({ id: 'conv-1', progress: 1, toggles: 'muted' });
    expect(planned.at(-1)?.snapshot.toggles).toBe('held');
    fail = true;
    await sync.apply({ id: 'conv-1', progress: 1, toggles: 'muted' });
    expect(planned.at(-1)?.snapshot.toggles).toBe('muted');
    expect(sync.stats().readBacks).toBe(2);
  });

  it('ignores a second work item for the same interaction, and reports an abandoned create as an orphan once', async () => {
    const { sync, track, works, orphans } = setUp();
    track('ix-1', 'conv-1');
    expect(await sync.apply({ id: 'conv-2', iccId: 'ix-1', progress: 1 })).toEqual([]);
    works.abandon('ix-9');
    await sync.apply({ id: 'conv-9', iccId: 'ix-9', progress: 1 });
    await sync.apply({ id: 'conv-9', iccId: 'ix-9', progress: 2 });
    expect(orphans).toEqual(['conv-9']);
    expect(sync.stats()).toMatchObject({ unmatched: 3, orphans: 1 });
  });
});

describe('createWorkBook', () => {
  it('finds work by callback, interaction and vendor reference until it is removed', () => {
    const works = createWorkBook<TrackedWork<unknown>>();
    const work: TrackedWork<unknown> = { callbackId: 'cb-1', interactionId: 'ix-1', number: 'CB1' };
    works.add(work);
    works.link(work, 'conv-1');
    expect([works.byCallback('cb-1'), works.byInteraction('ix-1'), works.byVendorRef('conv-1')]).toEqual([work, work, work]);
    works.remove('ix-1');
    expect([works.byCallback('cb-1'), works.byInteraction('ix-1'), works.byVendorRef('conv-1'), works.all()]).toEqual([undefined, undefined, undefined, []]);
  });

  it('hands the callback and vendor reference over to a second work item (a transfer), and removing the first keeps them', () => {
    const works = createWorkBook<TrackedWork<unknown>>();
    const sender: TrackedWork<unknown> = { callbackId: 'cb-1', interactionId: 'ix-1', number: 'CB1', vendorRef: 'conv-1' };
    const receiver: TrackedWork<unknown> = { callbackId: 'cb-1', interactionId: 'ix-2', number: 'CB1', vendorRef: 'conv-1' };
    works.add(sender);
    works.add(receiver);
    expect([works.byCallback('cb-1'), works.byVendorRef('conv-1')]).toEqual([receiver, receiver]);
    works.remove('ix-1');
    expect([works.byCallback('cb-1'), works.byVendorRef('conv-1'), works.byInteraction('ix-1')]).toEqual([receiver, receiver, undefined]);
  });
});

describe('restoreTrackedWork', () => {
  it("tracks this vendor's open interactions again with their vendor reference, the receiving side of a transfer last", () => {
    const works = createWorkBook<TrackedWork<unknown>>();
    const restored: string[] = [];
    const open = (id: string, vendor: string, state: Interaction['state'], vendorRef?: string) => ({ id, callbackId: 'cb-1', vendor, state, ...(vendorRef ? { vendorRef } : {}) }) as Interaction;
    restoreTrackedWork(
      {
        openInteractions: [open('ix-receiving', 'example', 'offered', 'conv-1'), open('ix-sender', 'example', 'transferring', 'conv-1'), open('ix-other', 'other', 'queued')],
        getCallback: (callbackId) => ({ id: callbackId, number: 'CB1' }) as never,
        agents: [],
      },
      {
        vendor: 'example',
        works,
        book: { restore: (context) => restored.push(...context.openInteractions.map((interaction) => interaction.id)) },
        track: (interaction, callback) => ({ callbackId: callback.id, interactionId: interaction.id, number: callback.number }),
      },
    );
    expect(restored).toEqual(['ix-sender', 'ix-receiving']);
    expect(works.byVendorRef('conv-1')?.interactionId).toBe('ix-receiving');
    expect(works.byInteraction('ix-sender')?.vendorRef).toBe('conv-1');
  });
});
