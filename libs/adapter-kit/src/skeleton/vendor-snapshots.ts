import type { AdapterContext, Logger } from '@icc/core';
import type { Callback, IccEvent, Interaction, NewIccEvent } from '@icc/protocol';
import type { InteractionBook } from './interaction-book';

/**
 * Orders snapshots of one vendor work item that carry no sequence number: `progress` only grows
 * (participants join, legs advance), so less progress than already applied is stale; `toggles`
 * are flags that go back and forth (hold, mute) and cannot be ordered by progress.
 */
export interface SnapshotRank {
  progress: number;
  toggles: string;
}

/** What an adapter tracks of one open callback beside its ICC view: the vendor's work item and how far its snapshots were applied. */
export interface TrackedWork<Snapshot> {
  callbackId: string;
  interactionId: string;
  /** The callback's number, for the idempotency check while its create is in flight. */
  number: string;
  /** The vendor's id of the work item (conversation, contact) once known. */
  vendorRef?: string;
  /** The newest snapshot that arrived before `interaction.created` was stored. */
  early?: Snapshot;
  rank?: SnapshotRank;
  lastSnapshotAt?: number;
}

/** Tracked work by ICC callback id, interaction id and vendor reference, and the creates abandoned mid-way. */
export interface WorkBook<Work extends TrackedWork<unknown>> {
  /** Tracks the work; its callback id and vendor reference now lead to it (a transfer hands them over). */
  add(work: Work): void;
  remove(interactionId: string): void;
  link(work: Work, vendorRef: string): void;
  byCallback(callbackId: string): Work | undefined;
  byInteraction(interactionId: string): Work | undefined;
  byVendorRef(vendorRef: string): Work | undefined;
  all(): Work[];
  /** A create that may have reached the vendor without an answer: its work item, if it shows up, is an orphan. */
  abandon(interactionId: string): void;
  /** True once per abandoned interaction: the caller closes the orphan at the vendor. */
  claimOrphan(interactionId: string): boolean;
}

const ABANDONED_LIMIT = 10_000;

export function createWorkBook<Work extends TrackedWork<unknown>>(): WorkBook<Work> {
  const byCallback = new Map<string, Work>();
  const byInteraction = new Map<string, Work>();
  const byVendorRef = new Map<string, Work>();
  const abandoned = new Set<string>();
  return {
    add(work) {
      byCallback.set(work.callbackId, work);
      byInteraction.set(work.interactionId, work);
      if (work.vendorRef !== undefined) byVendorRef.set(work.vendorRef, work);
    },
    remove(interactionId) {
      const work = byInteraction.get(interactionId);
      if (!work) return;
      byInteraction.delete(interactionId);
      // A transfer gives the callback and its work item a second entry: only this one's indexes go.
      if (byCallback.get(work.callbackId) === work) byCallback.delete(work.callbackId);
      if (work.vendorRef !== undefined && byVendorRef.get(work.vendorRef) === work) byVendorRef.delete(work.vendorRef);
    },
    link(work, vendorRef) {
      work.vendorRef = vendorRef;
      byVendorRef.set(vendorRef, work);
    },
    byCallback: (callbackId) => byCallback.get(callbackId),
    byInteraction: (interactionId) => byInteraction.get(interactionId),
    byVendorRef: (vendorRef) => byVendorRef.get(vendorRef),
    all: () => [...byCallback.values()],
    abandon(interactionId) {
      abandoned.add(interactionId);
      if (abandoned.size > ABANDONED_LIMIT) abandoned.delete(abandoned.values().next().value as string);
    },
    claimOrphan: (interactionId) => abandoned.delete(interactionId),
  };
}

export interface SnapshotSyncOptions<Snapshot, Work extends TrackedWork<Snapshot>> {
  vendor: string;
  works: WorkBook<Work>;
  interactions: Pick<InteractionBook, 'interaction'>;
  refOf(snapshot: Snapshot): string;
  /** The ICC interaction id the adapter wrote into the work item at create, if any. */
  interactionIdOf(snapshot: Snapshot): string | undefined;
  rank(snapshot: Snapshot): SnapshotRank;
  readBack(vendorRef: string): Promise<Snapshot>;
  /** The events that take `view` to what the snapshot says (the vendor's wire mapping). */
  plan(work: Work, view: Interaction, snapshot: Snapshot): NewIccEvent[];
  store(events: readonly NewIccEvent[]): Promise<IccEvent[]>;
  /** A work item of an abandoned create (no tracked work): the adapter closes it at the vendor. */
  onOrphan(vendorRef: string, interactionId: string): void;
  logger: Logger;
  now(): number;
}

export interface SnapshotSyncStats {
  stale: number;
  duplicates: number;
  readBacks: number;
  unmatched: number;
  orphans: number;
}

export interface SnapshotSync<Snapshot> {
  /** Applies one snapshot (run it on the adapter's serial queue); `fresh`: just read back, so an equal-rank one is taken as it is. */
  apply(snapshot: Snapshot, options?: { fresh?: boolean }): Promise<IccEvent[]>;
  stats(): SnapshotSyncStats;
}

/**
 * Turns vendor snapshots into ICC events for the callback they belong to: found by vendor
 * reference, or by the ICC id written into the work item (a snapshot may beat the create's answer;
 * after a restart it is how work items are found again). One that arrives before
 * `interaction.created` is kept as `early`. Stale and duplicate snapshots are dropped by rank; an
 * equal-progress one with other toggles is read back, since only the vendor knows which came last.
 */
export function createSnapshotSync<Snapshot, Work extends TrackedWork<Snapshot>>(options: SnapshotSyncOptions<Snapshot, Work>): SnapshotSync<Snapshot> {
  const stats: SnapshotSyncStats = { stale: 0, duplicates: 0, readBacks: 0, unmatched: 0, orphans: 0 };

  const workOf = (ref: string, interactionId: string | undefined): Work | undefined => {
    const known = options.works.byVendorRef(ref);
    if (known) return known;
    const work = interactionId === undefined ? undefined : options.works.byInteraction(interactionId);
    // Work linked to another item already: this one is a second create of the same callback.
    if (!work || (work.vendorRef !== undefined && work.vendorRef !== ref)) return undefined;
    options.works.link(work, ref);
    return work;
  };

  const apply = async (snapshot: Snapshot, fresh: boolean): Promise<IccEvent[]> => {
    const ref = options.refOf(snapshot);
    const interactionId = options.interactionIdOf(snapshot);
    const work = workOf(ref, interactionId);
    if (!work) {
      stats.unmatched += 1;
      if (interactionId !== undefined && options.works.claimOrphan(interactionId)) {
        stats.orphans += 1;
        options.onOrphan(ref, interactionId);
      }
      return [];
    }
    work.lastSnapshotAt = options.now();
    const rank = options.rank(snapshot);
    const view = options.interactions.interaction(work.interactionId);
    if (!view) {
      if (work.early === undefined || rank.progress >= options.rank(work.early).progress) work.early = snapshot;
      return [];
    }
    const last = work.rank;
    if (last && rank.progress < last.progress) {
      stats.stale += 1;
      return [];
    }
    if (last && rank.progress === last.progress) {
      if (rank.toggles === last.toggles) {
        stats.duplicates += 1;
        return [];
      }
      if (!fresh) {
        stats.readBacks += 1;
        try {
          return await apply(await options.readBack(ref), true);
        } catch (error) {
          options.logger.warn({ err: error, vendorRef: ref }, `${options.vendor}: could not read the work item back; using the notification`);
        }
      }
    }
    work.rank = rank;
    return options.store(options.plan(work, view, snapshot));
  };

  return { apply: (snapshot, applyOptions) => apply(snapshot, applyOptions?.fresh ?? false), stats: () => ({ ...stats }) };
}

/**
 * The open interactions of a previous run that are this vendor's, tracked again: `track` builds
 * each one's work (undefined: not ours to track), which gets the stored `vendorRef`; the book gets
 * their views (expiry armed). A callback in transfer has two open interactions on one work item:
 * the sender's is tracked first, so the receiving one takes the vendor reference.
 */
export function restoreTrackedWork<Work extends TrackedWork<unknown>>(
  context: Pick<AdapterContext, 'openInteractions' | 'getCallback' | 'agents'>,
  options: { vendor: string; works: WorkBook<Work>; book: Pick<InteractionBook, 'restore'>; track(interaction: Interaction, callback: Callback): Work | undefined },
): void {
  const ours = context.openInteractions
    .filter((interaction) => interaction.vendor === options.vendor)
    .sort((a, b) => Number(b.state === 'transferring') - Number(a.state === 'transferring'))
    .filter((interaction) => {
      const callback = context.getCallback(interaction.callbackId);
      const work = callback && options.track(interaction, callback);
      if (work && interaction.vendorRef !== undefined) work.vendorRef = interaction.vendorRef;
      if (work) options.works.add(work);
      return work !== undefined;
    });
  options.book.restore({ ...context, openInteractions: ours });
}
