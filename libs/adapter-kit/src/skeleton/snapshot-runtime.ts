import type { AdapterContext } from '@icc/core';
import type { Callback, IccEvent, Interaction, NewIccEvent } from '@icc/protocol';
import { mayHaveReachedVendor } from '../http/may-have-reached-vendor';
import { createInteractionBook, type InteractionBook } from './interaction-book';
import { createOrderedEmitter, type OrderedEmitter } from './ordered-emitter';
import { createReadBackReconciler, isAwaitingVendorTooLong, type ReadBackReconciler, type ReconcilerStats } from './read-back-reconciler';
import { createSnapshotSync, createWorkBook, restoreTrackedWork, type SnapshotSync, type SnapshotSyncOptions, type SnapshotSyncStats, type TrackedWork, type WorkBook } from './vendor-snapshots';

export interface SnapshotRuntimeOptions<Snapshot, Work extends TrackedWork<Snapshot>>
  extends Pick<SnapshotSyncOptions<Snapshot, Work>, 'refOf' | 'interactionIdOf' | 'rank' | 'plan'> {
  vendor: string;
  context: AdapterContext;
  /** The lifecycle's signal: nothing is stored once the adapter stopped. */
  signal: AbortSignal;
  readBack(vendorRef: string): Promise<Snapshot>;
  /** Ends the vendor's work item: an expired callback's, or an orphan of an abandoned create. */
  stopWork(vendorRef: string): Promise<unknown>;
  /** Events that stored ones lead to at once (e.g. a transfer completed by the receiver's accept). */
  followUp?(stored: readonly IccEvent[], interactions: InteractionBook): NewIccEvent[];
  /** Work waiting on the vendor without news this long is read back (delivery is rarely guaranteed). */
  reconcileAfterMs: number;
  /** A request the vendor has not answered yet (e.g. the agent's dial): read back when silent too long. */
  requestPending?(work: Work): boolean;
}

/**
 * The skeleton of an adapter whose vendor pushes snapshots of its work items: the interaction book
 * (expiry by core's rule: the vendor stops its work item, then the close is decided again on the
 * ordered queue), the ordered emitter, the work book, snapshot ordering and the read-back reconciler.
 */
export interface SnapshotRuntime<Snapshot, Work extends TrackedWork<Snapshot>> {
  interactions: InteractionBook;
  works: WorkBook<Work>;
  emitter: OrderedEmitter;
  sync: SnapshotSync<Snapshot>;
  reconciler: ReadBackReconciler<Work>;
  /** Applies a notified snapshot on the ordered queue (failures are logged). */
  notified(snapshot: Snapshot): void;
  /**
   * Creates a work item at the vendor for a new interaction: the work is tracked before `send`, so a
   * snapshot that beats the answer waits (`early`) and is applied right after `created`. A failure
   * after which the vendor may have done it anyway (`mayHaveReachedVendor`) leaves the interaction
   * abandoned: its work item, if it shows up, is ended as an orphan, never called twice.
   */
  create(work: Work, created: NewIccEvent & { type: 'interaction.created' }, send: () => Promise<string>): Promise<IccEvent[]>;
  /** Tracks the open interactions of a previous run again (`track`, see `restoreTrackedWork`) and reads every one back. */
  start(track: (interaction: Interaction, callback: Callback) => Work | undefined): void;
  stop(): void;
  stats(): SnapshotSyncStats & ReconcilerStats & { pending: number; tracked: number };
}

export function createSnapshotRuntime<Snapshot, Work extends TrackedWork<Snapshot>>(options: SnapshotRuntimeOptions<Snapshot, Work>): SnapshotRuntime<Snapshot, Work> {
  const { context, vendor, signal } = options;
  const { clock, logger } = context;
  const works = createWorkBook<Work>();
  const stopWork = (vendorRef: string | undefined) =>
    vendorRef === undefined ? Promise.resolve() : options.stopWork(vendorRef).catch((error: unknown) => logger.warn({ err: error, vendorRef }, `${vendor}: could not end the work item`));
  const interactions = createInteractionBook({
    clock,
    onForgotten: (interaction) => works.remove(interaction.id),
    onExpired: ({ id }) =>
      void stopWork(works.byInteraction(id)?.vendorRef)
        .then(() => emitter.emitWhen(() => interactions.expiryNow(id)))
        .catch(() => undefined),
  });
  const emitter = createOrderedEmitter({ sink: context.sink, book: interactions, signal });
  const sync = createSnapshotSync<Snapshot, Work>({
    ...options,
    works,
    interactions,
    logger,
    now: () => clock.now(),
    store: async (events) => {
      const stored = await emitter.store(events);
      return [...stored, ...(await emitter.store(options.followUp?.(stored, interactions) ?? []))];
    },
    onOrphan: (vendorRef, interactionId) => {
      logger.warn({ vendorRef, interactionId }, `${vendor}: ending the work item of a create that failed ambiguously (no second call to the customer)`);
      void stopWork(vendorRef);
    },
  });
  const reconciler = createReadBackReconciler<Work, Snapshot>({
    vendor,
    keyOf: (work) => work.vendorRef,
    open: () => works.all().filter((work) => interactions.interaction(work.interactionId)),
    isOverdue: (work, now) => {
      const view = interactions.interaction(work.interactionId);
      const requestPending = options.requestPending?.(work) ?? false;
      return view !== undefined && isAwaitingVendorTooLong(view, { lastNewsAt: work.lastSnapshotAt, now, afterMs: options.reconcileAfterMs, requestPending });
    },
    read: options.readBack,
    apply: (snapshot) => emitter.run(() => sync.apply(snapshot, { fresh: true })),
    clock,
    logger,
    sweepEveryMs: options.reconcileAfterMs,
    isRunning: () => !signal.aborted,
  });
  return {
    interactions,
    works,
    emitter,
    sync,
    reconciler,
    notified: (snapshot) =>
      void emitter.run(() => sync.apply(snapshot)).catch((error: unknown) => logger.error({ err: error, vendorRef: options.refOf(snapshot) }, `${vendor}: applying a snapshot failed`)),
    async create(work, created, send) {
      works.add(work);
      let vendorRef: string;
      try {
        vendorRef = await send();
      } catch (error) {
        works.remove(work.interactionId);
        if (mayHaveReachedVendor(error)) {
          works.abandon(work.interactionId);
          const early = work.early;
          if (early !== undefined) void emitter.run(() => sync.apply(early));
        }
        throw error;
      }
      works.link(work, vendorRef);
      return emitter.run(async () => {
        const stored = await emitter.store([{ ...created, vendorRef }]);
        const early = work.early;
        work.early = undefined;
        return early === undefined ? stored : [...stored, ...(await sync.apply(early))];
      });
    },
    start(track) {
      restoreTrackedWork(context, { vendor, works, book: interactions, track });
      reconciler.start();
      void reconciler.everything('the adapter started');
    },
    stop() {
      reconciler.stop();
      interactions.clear();
    },
    stats: () => ({ ...sync.stats(), ...reconciler.stats(), pending: emitter.pending() + reconciler.inFlight(), tracked: works.all().length }),
  };
}
