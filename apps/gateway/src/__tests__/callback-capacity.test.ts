import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IccApiError } from '@icc/client';
import { createSqliteEventStore } from '@icc/store-sqlite';
import { exampleCustomer, exampleQueueConfig, type CreateCallbackRequestInput, type CreateQueueRequestInput } from '@icc/protocol';
import { rawRequest, startTestGateway, type TestGateway } from './test-gateway';

const ALWAYS_OPEN = { timeZone: 'Europe/Paris', weekly: [], closedDates: [] };
const queue = (overrides: Partial<CreateQueueRequestInput>): CreateQueueRequestInput => ({
  ...exampleQueueConfig({ id: 'q-slots', name: 'Slots', businessHours: ALWAYS_OPEN }),
  ...overrides,
});
const usNumber = (index: number) => `+1415555${String(1000 + index)}`;
const request = (queueId: string, phone: string, overrides: Partial<CreateCallbackRequestInput> = {}): CreateCallbackRequestInput => ({
  queueId,
  customer: exampleCustomer({ phoneNumbers: [phone] }),
  reason: { code: 'billing-issue' },
  shortDescription: 'Please call me',
  ...overrides,
});
const at = (start: string): Partial<CreateCallbackRequestInput> => ({ schedule: { type: 'scheduled', start } });

const errorOf = async (promise: Promise<unknown>): Promise<{ status: number; body: IccApiError['body'] }> => {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof IccApiError)) throw new Error(`expected an IccApiError, got ${String(error)}`);
  return { status: error.status, body: error.body };
};

/**
 * On SQLite: its appends wait for the disk (group commit), so concurrent requests interleave between
 * a check and the write it allows, as in production; the in-memory store appends without yielding.
 */
function startDurableGateway(): () => TestGateway {
  let t: TestGateway;
  let dataDir: string;
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'icc-capacity-'));
    t = await startTestGateway({ store: createSqliteEventStore({ dataDir }), intakeRateLimit: { capacity: 1000, ratePerSecond: 1000 } });
  });
  afterEach(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return () => t;
}

describe('scheduled-callback slots with capacity', () => {
  const gateway = startDurableGateway();
  let t: TestGateway;
  beforeEach(() => {
    t = gateway();
  });

  it('gives the last seat of a slot to exactly one of 100 concurrent requests; the others get 409 slot_full with the next free slots', async () => {
    const sam = await t.signIn('supervisor-sam');
    await sam.createQueue(queue({ slots: { minutes: 5, capacity: 3, perHourCap: 1000 } }));
    const slot = '2026-03-11T10:00:00.000Z';
    for (const index of [0, 1]) await t.anonymous.createCallback(request('q-slots', usNumber(index), at(slot)));
    expect((await sam.listQueueSlots('q-slots', { from: slot, to: '2026-03-11T10:10:00Z' })).items).toEqual([
      expect.objectContaining({ start: slot, booked: 2, remaining: 1 }),
      expect.objectContaining({ start: '2026-03-11T10:05:00.000Z', booked: 0, remaining: 3 }),
    ]);

    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        rawRequest(`${t.url}/v1/callbacks`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': `booking-${index}` },
          body: JSON.stringify(request('q-slots', usNumber(100 + index), at('2026-03-11T10:02:30Z'))),
        }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    const refused = answers.filter((answer) => answer.status === 409);
    expect(refused).toHaveLength(99);
    for (const answer of refused) {
      expect(answer.body).toMatchObject({ code: 'slot_full', nextFreeSlots: ['2026-03-11T10:05:00.000Z', '2026-03-11T10:10:00.000Z', '2026-03-11T10:15:00.000Z', '2026-03-11T10:20:00.000Z', '2026-03-11T10:25:00.000Z'] });
    }
    expect((await sam.listQueueSlots('q-slots', { from: slot, to: '2026-03-11T10:05:00Z' })).items).toEqual([expect.objectContaining({ booked: 3, remaining: 0 })]);
    // 100 requests through the whole HTTP stack: several seconds on a loaded 2-core machine.
  }, 30_000);

  it('caps an hour across its slots, and refuses a reschedule into a full slot while a move within its own slot is fine', async () => {
    const sam = await t.signIn('supervisor-sam');
    await sam.createQueue(queue({ slots: { minutes: 15, capacity: 2, perHourCap: 3 } }));
    const first = await t.anonymous.createCallback(request('q-slots', usNumber(1), at('2026-03-11T10:00:00Z')));
    await t.anonymous.createCallback(request('q-slots', usNumber(2), at('2026-03-11T10:05:00Z')));
    const third = await t.anonymous.createCallback(request('q-slots', usNumber(3), at('2026-03-11T10:30:00Z')));
    const slots = await sam.listQueueSlots('q-slots', { from: '2026-03-11T10:00:00Z', to: '2026-03-11T11:15:00Z' });
    expect(slots.items.map(({ start, booked, remaining }) => [start.slice(11, 16), booked, remaining])).toEqual([
      ['10:00', 2, 0],
      ['10:15', 0, 0], // the hour holds 3 already
      ['10:30', 1, 0],
      ['10:45', 0, 0],
      ['11:00', 0, 2],
    ]);

    const full = await errorOf(sam.rescheduleCallback(third.callback.id, { start: '2026-03-11T10:10:00Z' }));
    // The moving callback's own seat is not counted: the hour has room for it again.
    expect(full).toMatchObject({ status: 409, body: { code: 'slot_full', nextFreeSlots: ['10:15', '10:30', '10:45', '11:00', '11:15'].map((time) => `2026-03-11T${time}:00.000Z`) } });
    // Its own seat does not count against it: moving inside the hour it already holds is allowed.
    expect(await sam.rescheduleCallback(first.callback.id, { start: '2026-03-11T10:12:00Z' })).toMatchObject({ schedule: { start: '2026-03-11T10:12:00Z' } });
    expect(await sam.rescheduleCallback(third.callback.id, { start: '2026-03-11T11:00:00Z' })).toMatchObject({ schedule: { start: '2026-03-11T11:00:00Z' } });
  });

  it("refuses an agent's reschedule command into a full slot too", async () => {
    const sam = await t.signIn('supervisor-sam');
    const ada = await t.signIn('agent-ada');
    const queueVersion = (await sam.getQueue('callbacks-af')).version ?? 1;
    await sam.updateQueue('callbacks-af', { slots: { minutes: 5, capacity: 1, perHourCap: 1000 } }, queueVersion);
    await t.anonymous.createCallback(request('callbacks-af', usNumber(1), at('2026-03-11T10:00:00Z')));
    const asap = await t.anonymous.createCallback(request('callbacks-af', usNumber(2)));
    await ada.setPresence('agent-ada', 'available');
    await ada.sendCommand(asap.callback.interactionId, { type: 'accept' });

    const refused = await errorOf(ada.sendCommand(asap.callback.interactionId, { type: 'reschedule', start: '2026-03-11T10:01:00Z' }));
    expect(refused).toMatchObject({ status: 409, body: { code: 'slot_full', nextFreeSlots: expect.arrayContaining(['2026-03-11T10:05:00.000Z']) } });
    await ada.sendCommand(asap.callback.interactionId, { type: 'reschedule', start: '2026-03-11T10:05:00Z' });
    expect((await ada.getCallback(asap.callback.id)).schedule).toEqual({ type: 'scheduled', start: '2026-03-11T10:05:00Z' });
  });

  it('offers only starts inside business hours, hour by hour through the clock changes of New York and Paris', async () => {
    const sam = await t.signIn('supervisor-sam');
    const sundayNight = (id: string, timeZone: string) =>
      sam.createQueue(queue({ id, businessHours: { timeZone, weekly: [{ weekday: 7, open: '00:00', close: '04:00' }], closedDates: [] }, slots: { minutes: 60, capacity: 5, perHourCap: 5 } }));
    await sundayNight('q-ny', 'America/New_York');
    await sundayNight('q-paris', 'Europe/Paris');
    const localStarts = async (queueId: string, from: string, to: string) => (await sam.listQueueSlots(queueId, { from, to })).items.map((slot) => slot.localStart);

    // Spring forward: 02:00 does not exist, the night has three hours.
    expect(await localStarts('q-ny', '2027-03-13T00:00:00Z', '2027-03-15T00:00:00Z')).toEqual(['2027-03-14T00:00-05:00', '2027-03-14T01:00-05:00', '2027-03-14T03:00-04:00']);
    expect(await localStarts('q-paris', '2027-03-27T00:00:00Z', '2027-03-29T00:00:00Z')).toEqual(['2027-03-28T00:00+01:00', '2027-03-28T01:00+01:00', '2027-03-28T03:00+02:00']);
    // Fall back: one hour is lived twice, the night has five.
    expect(await localStarts('q-ny', '2026-10-31T00:00:00Z', '2026-11-02T00:00:00Z')).toEqual([
      '2026-11-01T00:00-04:00',
      '2026-11-01T01:00-04:00',
      '2026-11-01T01:00-05:00',
      '2026-11-01T02:00-05:00',
      '2026-11-01T03:00-05:00',
    ]);
    expect(await localStarts('q-paris', '2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z')).toEqual([
      '2026-10-25T00:00+02:00',
      '2026-10-25T01:00+02:00',
      '2026-10-25T02:00+02:00',
      '2026-10-25T02:00+01:00',
      '2026-10-25T03:00+01:00',
    ]);
    // The caller's time zone only changes how starts are written.
    const inUtc = await sam.listQueueSlots('q-paris', { from: '2026-10-24T00:00:00Z', to: '2026-10-26T00:00:00Z', timeZone: 'UTC' });
    expect(inUtc.items.map((slot) => slot.start)).toEqual(['2026-10-24T22:00:00.000Z', '2026-10-24T23:00:00.000Z', '2026-10-25T00:00:00.000Z', '2026-10-25T01:00:00.000Z', '2026-10-25T02:00:00.000Z']);
    expect(inUtc.items[0]?.localStart).toBe('2026-10-24T22:00+00:00');
  });

  it('answers 400 with the path for a bad range and 404 for an unknown queue', async () => {
    const sam = await t.signIn('supervisor-sam');
    expect(await errorOf(sam.listQueueSlots('q-none', { from: '2026-03-11T10:00:00Z', to: '2026-03-11T11:00:00Z' }))).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect(await errorOf(sam.listQueueSlots('q-support', { from: '2026-03-11T10:00:00Z', to: '2026-03-21T11:00:00Z' }))).toMatchObject({
      status: 400,
      body: { code: 'validation_failed', issues: [expect.objectContaining({ path: ['to'] })] },
    });
  });
});

describe('duplicate callbacks per customer number', () => {
  const gateway = startDurableGateway();
  let t: TestGateway;
  beforeEach(() => {
    t = gateway();
  });

  it('refuses a second open callback of the same number however it is written, with the existing one; an idempotent replay still answers 200', async () => {
    const sam = await t.signIn('supervisor-sam');
    await sam.createQueue(queue({}));
    const first = await t.anonymous.createCallback(request('q-slots', '+14155550123'), { idempotencyKey: 'ivr-call-1' });
    expect(first.callback.customer.phoneNumbers).toEqual(['+14155550123']);

    const duplicate = await errorOf(t.anonymous.createCallback(request('q-slots', '+1 (415) 555-0123', { shortDescription: 'Again' })));
    expect(duplicate).toMatchObject({ status: 409, body: { code: 'duplicate_callback', existingCallback: { id: first.callback.id, number: first.callback.number } } });
    const replay = await t.anonymous.createCallback(request('q-slots', '+14155550123'), { idempotencyKey: 'ivr-call-1' });
    expect(replay).toMatchObject({ replayed: true, callback: { id: first.callback.id } });

    // Another queue, or the same queue once the first is closed, takes it.
    await sam.createQueue(queue({ id: 'q-other', name: 'Other' }));
    expect((await t.anonymous.createCallback(request('q-other', '+1-415-555-0123'))).callback.customer.phoneNumbers).toEqual(['+14155550123']);
    await sam.cancelCallback(first.callback.id);
    expect((await t.anonymous.createCallback(request('q-slots', '+1 415 555 0123'))).replayed).toBe(false);
  });

  it('lets exactly one of 20 concurrent requests for the same number through, whatever their Idempotency-Keys', async () => {
    const sam = await t.signIn('supervisor-sam');
    await sam.createQueue(queue({}));
    const formats = ['+14155550123', '+1 415 555 0123', '+1 (415) 555-0123', '+1-415-555-0123'];
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        rawRequest(`${t.url}/v1/callbacks`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': `caller-${index}` },
          body: JSON.stringify(request('q-slots', formats[index % formats.length] as string)),
        }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, ...Array.from({ length: 19 }, () => 409)]);
    const created = answers.find((answer) => answer.status === 201)?.body as { id: string };
    for (const answer of answers.filter((candidate) => candidate.status === 409)) {
      expect(answer.body).toMatchObject({ code: 'duplicate_callback', existingCallback: { id: created.id } });
    }
  });

  it('allows as many open callbacks per number as the queue says', async () => {
    const sam = await t.signIn('supervisor-sam');
    await sam.createQueue(queue({ duplicates: { maxOpenPerNumber: 2, onDuplicate: 'reject' } }));
    await t.anonymous.createCallback(request('q-slots', '+14155550123'));
    await t.anonymous.createCallback(request('q-slots', '+14155550123'));
    expect(await errorOf(t.anonymous.createCallback(request('q-slots', '+14155550123')))).toMatchObject({ status: 409, body: { code: 'duplicate_callback' } });
  });

  it("updates the open callback instead where the queue's onDuplicate is update", async () => {
    const sam = await t.signIn('supervisor-sam');
    await sam.createQueue(queue({ duplicates: { maxOpenPerNumber: 1, onDuplicate: 'update' } }));
    const first = await t.anonymous.createCallback(request('q-slots', '+14155550123', { attributes: { tier: 'gold' } }));
    const again = await rawRequest(`${t.url}/v1/callbacks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request('q-slots', '+1 415-555-0123', { shortDescription: 'Still no internet', notes: 'Second call', attributes: { router: 'AX-3000' }, ...at('2026-03-11T15:00:00Z') })),
    });
    expect(again).toMatchObject({
      status: 200,
      body: { id: first.callback.id, shortDescription: 'Still no internet', notes: 'Second call', attributes: { tier: 'gold', router: 'AX-3000' }, schedule: { type: 'scheduled', start: '2026-03-11T15:00:00Z' } },
    });
    expect((await sam.listCallbacks({ queueId: 'q-slots' })).items).toHaveLength(1);
  });
});
