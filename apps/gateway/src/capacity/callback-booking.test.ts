import { comparableNumbers, IccError, type AsyncEventStore, type ScheduledStart } from '@icc/core';
import { exampleCallback, exampleCustomer, exampleQueueConfig, type Callback } from '@icc/protocol';
import { createCallbackBooking } from './callback-booking';

const SLOT = Date.parse('2026-03-11T10:00:00Z');
const queue = exampleQueueConfig({
  id: 'q-held',
  slots: { minutes: 5, capacity: 2, perHourCap: 1000 },
  duplicates: { maxOpenPerNumber: 1, onDuplicate: 'reject' },
});

/** The two read indexes the booking reads, as the store would answer them. */
function fakeStore(): { store: AsyncEventStore; starts: ScheduledStart[]; open: Callback[] } {
  const starts: ScheduledStart[] = [];
  const open: Callback[] = [];
  const store = {
    scheduledStartsOfQueue: async () => [...starts],
    openCallbacksWithNumbers: async (_queueId: string, numbers: readonly string[]) =>
      open.filter((callback) => comparableNumbers(callback.customer.phoneNumbers).some((number) => comparableNumbers(numbers).includes(number))),
  } as Partial<AsyncEventStore> as AsyncEventStore;
  return { store, starts, open };
}

const codeOf = (error: unknown) => (error instanceof IccError ? error.code : String(error));
const settledYet = async (promise: Promise<unknown>): Promise<boolean> => {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
};

describe('callback booking: held creations', () => {
  it('counts a held scheduled creation as a booked seat until it is released', async () => {
    const { store } = fakeStore();
    const booking = createCallbackBooking(store, () => true, () => SLOT - 3_600_000);
    const releases = ['c1', 'c2'].map((callbackId) => booking.hold(queue.id, { callbackId, phoneNumbers: ['+14155550100'], start: SLOT + 60_000 }));

    await expect(booking.assertSeat(queue, SLOT + 120_000).catch(codeOf)).resolves.toBe('slot_full');
    const [slot] = (await booking.slots(queue, { from: new Date(SLOT).toISOString(), to: new Date(SLOT + 300_000).toISOString() })).items;
    expect(slot).toMatchObject({ booked: 2, remaining: 0 });
    // A held callback being moved does not count against itself.
    await expect(booking.assertSeat(queue, SLOT, 'c1')).resolves.toBeUndefined();

    releases[0]?.();
    await expect(booking.assertSeat(queue, SLOT)).resolves.toBeUndefined();
  });

  it('does not count a creation twice once the store lists it and before it is released', async () => {
    const { store, starts } = fakeStore();
    const booking = createCallbackBooking(store, () => true, () => SLOT - 3_600_000);
    booking.hold(queue.id, { callbackId: 'c1', phoneNumbers: ['+14155550100'], start: SLOT });
    starts.push({ callbackId: 'c1', startMs: SLOT });

    await expect(booking.assertSeat(queue, SLOT)).resolves.toBeUndefined();
  });

  it('counts held creations of a number toward its limit, compared in E.164, and waits for them before answering', async () => {
    const { store, open } = fakeStore();
    const booking = createCallbackBooking(store, () => true, () => SLOT);
    const release = booking.hold(queue.id, { callbackId: 'c1', phoneNumbers: ['+1 (415) 555-0123'] });
    expect(await booking.duplicateOf(queue, ['+14155550199'])).toBeUndefined();
    expect(await booking.duplicateOf({ ...queue, id: 'q-other' }, ['+14155550123'])).toBeUndefined();

    const check = booking.duplicateOf(queue, ['+14155550123']).catch((error: unknown) => error);
    expect(await settledYet(check)).toBe(false);
    const stored = exampleCallback({ id: 'c1', queueId: queue.id, customer: exampleCustomer({ phoneNumbers: ['+14155550123'] }) });
    open.push(stored);
    release();
    expect(await check).toMatchObject({ code: 'duplicate_callback', details: { existingCallback: { id: 'c1' } } });
  });

  it('lets the number through once a held creation whose append failed is released', async () => {
    const { store } = fakeStore();
    const booking = createCallbackBooking(store, () => true, () => SLOT);
    const release = booking.hold(queue.id, { callbackId: 'c1', phoneNumbers: ['+14155550123'] });
    const check = booking.duplicateOf(queue, ['+14155550123']);
    release();
    await expect(check).resolves.toBeUndefined();
  });
});
