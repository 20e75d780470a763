import { duplicateSettingsOf, slotSettingsOf, type Callback, type QueueConfig, type QueueSlotList, type QueueSlotsQuery } from '@icc/protocol';
import { IccError, type AsyncEventStore } from '@icc/core';
import { createKeyedLock } from '../intake/keyed-lock';
import { localWallTime } from './local-wall-time';
import { countBookings, nextFreeSlots, seatsLeftAt, slotsBetween, type IsOpenAt, type SlotGrid } from './queue-slots';

/**
 * Scheduled-callback capacity and per-number duplicates of each queue. Checks and the write that
 * follows them run one after another per queue (`serialized`) inside this gateway process only:
 * several gateways over one database (issue 20) need the guard in the database itself.
 */
export interface CallbackBooking {
  serialized<T>(queueId: string, task: () => Promise<T>): Promise<T>;
  slots(queue: QueueConfig, query: QueueSlotsQuery): Promise<QueueSlotList>;
  /** Throws 409 `slot_full` (with the next free slots) when `start` has no seat; `movingId` is not counted. */
  assertSeat(queue: QueueConfig, start: number, movingId?: string): Promise<void>;
  /** Whether `start` begins one of the queue's slots (aligned to the slot length, the queue open for all of it). */
  isSlotStart(queue: QueueConfig, start: number): Promise<boolean>;
  /** Open callbacks of the queue that share a number with `phoneNumbers` (compared in E.164). */
  openWithSameNumber(queueId: string, phoneNumbers: readonly string[]): Promise<Callback[]>;
  /** Throws 409 `duplicate_callback` when the queue's per-number limit is reached and it rejects duplicates. */
  duplicateOf(queue: QueueConfig, phoneNumbers: readonly string[]): Promise<Callback | undefined>;
}

export function createCallbackBooking(store: AsyncEventStore, isOpen: IsOpenAt, now: () => number): CallbackBooking {
  const lock = createKeyedLock();

  // Both read indexes the store keeps at append time (numbers already in E.164): no scan of the open callbacks.
  const gridOf = async (queue: QueueConfig, timeZone: string, movingId?: string): Promise<SlotGrid> => {
    const settings = slotSettingsOf(queue);
    const starts = (await store.scheduledStartsOfQueue(queue.id)).filter(({ callbackId }) => callbackId !== movingId).map(({ startMs }) => startMs);
    return { hours: queue.businessHours, settings, counts: countBookings(starts, settings), isOpen, local: (instant) => localWallTime(instant, timeZone) };
  };

  const openWithSameNumber = (queueId: string, phoneNumbers: readonly string[]) => store.openCallbacksWithNumbers(queueId, phoneNumbers);

  return {
    serialized: (queueId, task) => lock.run(queueId, task),
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
      const settings = duplicateSettingsOf(queue);
      if (settings.onDuplicate === 'allow') return undefined;
      const open = await openWithSameNumber(queue.id, phoneNumbers);
      if (open.length < settings.maxOpenPerNumber) return undefined;
      const existing = open[0] as Callback; // the oldest request
      if (settings.onDuplicate === 'update') return existing;
      throw new IccError('duplicate_callback', `Callback ${existing.number} of this number is still open in queue "${queue.id}"`, undefined, {
        existingCallback: existing,
      });
    },
  };
}
