import { duplicateSettingsOf, slotSettingsOf, type Callback, type QueueConfig, type QueueSlotList, type QueueSlotsQuery } from '@icc/protocol';
import { IccError, type AsyncEventStore } from '@icc/core';
import { createKeyedLock } from '../intake/keyed-lock';
import { localWallTime } from './local-wall-time';
import { createPendingCreations, type PendingCreation, type ReleaseHold } from './pending-creations';
import { countBookings, nextFreeSlots, seatsLeftAt, slotsBetween, type IsOpenAt, type SlotGrid } from './queue-slots';

/**
 * Scheduled-callback capacity and per-number duplicates of each queue. Checks and the write that
 * follows them run one after another per queue (`serialized`) inside this gateway process. A
 * creation may leave the turn before its append is durable (`creationsLeaveTurn`) once it holds
 * its number and seat (`hold`): the checks count held creations as if they were stored.
 */
export interface CallbackBooking {
  serialized<T>(queueId: string, task: () => Promise<T>): Promise<T>;
  /**
   * Whether a creation, once held, may append outside `serialized`: only when every check that can
   * see this gateway's holds is made in this process. False across gateways, where the lock must
   * cover the write (another gateway's checks see the store, not these holds).
   */
  readonly creationsLeaveTurn: boolean;
  /** Counts `creation` in the queue's duplicates and seats until the returned function is called. Take it inside `serialized`. */
  hold(queueId: string, creation: PendingCreation): ReleaseHold;
  slots(queue: QueueConfig, query: QueueSlotsQuery): Promise<QueueSlotList>;
  /** Throws 409 `slot_full` (with the next free slots) when `start` has no seat; `movingId` is not counted. */
  assertSeat(queue: QueueConfig, start: number, movingId?: string): Promise<void>;
  /** Whether `start` begins one of the queue's slots (aligned to the slot length, the queue open for all of it). */
  isSlotStart(queue: QueueConfig, start: number): Promise<boolean>;
  /** Open callbacks of the queue that share a number with `phoneNumbers` (compared in E.164); held creations are not callbacks yet. */
  openWithSameNumber(queueId: string, phoneNumbers: readonly string[]): Promise<Callback[]>;
  /**
   * Throws 409 `duplicate_callback` when the queue's per-number limit is reached and it rejects
   * duplicates; returns the oldest open one when it updates them. Held creations count toward the
   * limit; when the limit is reached only with them, this waits until they are stored (or failed)
   * and checks again, so the answer always names a stored callback.
   */
  duplicateOf(queue: QueueConfig, phoneNumbers: readonly string[]): Promise<Callback | undefined>;
}

export function createCallbackBooking(store: AsyncEventStore, isOpen: IsOpenAt, now: () => number): CallbackBooking {
  const lock = createKeyedLock();
  const pending = createPendingCreations();

  // Both read indexes the store keeps at append time (numbers already in E.164): no scan of the open callbacks.
  const gridOf = async (queue: QueueConfig, timeZone: string, movingId?: string): Promise<SlotGrid> => {
    const settings = slotSettingsOf(queue);
    const stored = await store.scheduledStartsOfQueue(queue.id);
    const held = pending.scheduledStarts(queue.id, new Set(stored.map(({ callbackId }) => callbackId)));
    const starts = [...stored, ...held].filter(({ callbackId }) => callbackId !== movingId).map(({ startMs }) => startMs);
    return { hours: queue.businessHours, settings, counts: countBookings(starts, settings), isOpen, local: (instant) => localWallTime(instant, timeZone) };
  };

  const openWithSameNumber = (queueId: string, phoneNumbers: readonly string[]) => store.openCallbacksWithNumbers(queueId, phoneNumbers);

  const refuseDuplicate = (queue: QueueConfig, existing: Callback): never => {
    throw new IccError('duplicate_callback', `Callback ${existing.number} of this number is still open in queue "${queue.id}"`, undefined, {
      existingCallback: existing,
    });
  };

  return {
    serialized: (queueId, task) => lock.run(queueId, task),
    creationsLeaveTurn: true,
    hold: (queueId, creation) => pending.hold(queueId, creation),
    async slots(queue, query) {
      const timeZone = query.timeZone ?? queue.businessHours.timeZone;
      const grid = await gridOf(queue, timeZone);
      const from = Math.max(Date.parse(query.from), now());
      return { queueId: queue.id, timeZone, settings: grid.settings, items: slotsBetween(grid, from, Date.parse(query.to)) };
    },
    async assertSeat(queue, start, movingId) {
      const grid = await gridOf(queue, queue.businessHours.timeZone, movingId);
      if (seatsLeftAt(start, grid.settings, grid.counts).remaining > 0) return;
      const nextFree = nextFreeSlots(grid, Math.max(start, now()));
      throw new IccError(
        'slot_full',
        `The slot of ${new Date(start).toISOString()} in queue "${queue.id}" is full; GET /v1/queues/${queue.id}/slots lists free ones`,
        undefined,
        { nextFreeSlots: nextFree },
      );
    },
    async isSlotStart(queue, start) {
      const grid = await gridOf(queue, queue.businessHours.timeZone);
      return slotsBetween(grid, start, start + 1).some((slot) => Date.parse(slot.start) === start);
    },
    openWithSameNumber,
    async duplicateOf(queue, phoneNumbers) {
      const { onDuplicate, maxOpenPerNumber } = duplicateSettingsOf(queue);
      if (onDuplicate === 'allow') return undefined;
      for (;;) {
        const open = await openWithSameNumber(queue.id, phoneNumbers);
        const oldest = open[0];
        if (oldest && open.length >= maxOpenPerNumber) return onDuplicate === 'update' ? oldest : refuseDuplicate(queue, oldest);
        const held = pending.withSameNumber(queue.id, phoneNumbers, new Set(open.map((callback) => callback.id)));
        if (open.length + held.length < maxOpenPerNumber) return undefined;
        await pending.ended(held);
      }
    },
  };
}
