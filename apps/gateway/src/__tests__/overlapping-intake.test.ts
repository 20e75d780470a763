import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storageUnavailable, type EventStore } from '@icc/core';
import { createSqliteEventStore } from '@icc/store-sqlite';
import { exampleCustomer, exampleQueueConfig, type CreateCallbackRequestInput, type CreateQueueRequestInput, type NewIccEvent } from '@icc/protocol';
import { rawRequest, startTestGateway, type TestGateway } from './test-gateway';

/**
 * Intake checks a creation's number and seat in the queue's turn, then appends after it: the
 * appends of one queue are in flight together (one group commit) while the creations not yet
 * stored still count. A SQLite store whose appends are slowed keeps every commit in flight while
 * the next requests are checked.
 */
const APPEND_DELAY_MS = 40;
const ALWAYS_OPEN = { timeZone: 'Europe/Paris', weekly: [], closedDates: [] };
const SLOT = '2026-03-11T10:00:00.000Z';

interface SlowStore {
  store: EventStore;
  /** The most appends that were in flight at once. */
  mostInFlight(): number;
  /** The next append that creates a callback fails (after its delay), as a refused commit would. */
  failNextCreation(): void;
}

function slowAppends(store: EventStore): SlowStore {
  let inFlight = 0;
  let most = 0;
  let failCreation = false;
  const createsCallback = (events: readonly NewIccEvent[]) => events.some((event) => event.type === 'interaction.created');
  const append = async (events: readonly NewIccEvent[]) => {
    most = Math.max(most, ++inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, APPEND_DELAY_MS));
      if (failCreation && createsCallback(events)) {
        failCreation = false;
        throw storageUnavailable({ doing: 'write', code: 'SQLITE_FULL', reason: 'disk full', advice: 'Free some space.' }, new Error('disk full'));
      }
      return await store.append(events);
    } finally {
      inFlight--;
    }
  };
  return {
    store: new Proxy(store, { get: (target, property, receiver) => (property === 'append' ? append : Reflect.get(target, property, receiver)) }),
    mostInFlight: () => most,
    failNextCreation: () => (failCreation = true),
  };
}

const queue = (overrides: Partial<CreateQueueRequestInput>): CreateQueueRequestInput => ({
  ...exampleQueueConfig({ id: 'q-overlap', name: 'Overlap', businessHours: ALWAYS_OPEN }),
  ...overrides,
});
const request = (phone: string, overrides: Partial<CreateCallbackRequestInput> = {}): CreateCallbackRequestInput => ({
  queueId: 'q-overlap',
  customer: exampleCustomer({ phoneNumbers: [phone] }),
  reason: { code: 'billing-issue' },
  shortDescription: 'Please call me',
  ...overrides,
});
const usNumber = (index: number) => `+1415555${String(1000 + index)}`;
const scheduled = { schedule: { type: 'scheduled' as const, start: SLOT } };

describe('intake with appends in flight', () => {
  let t: TestGateway;
  let slow: SlowStore;
  let dataDir: string;
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'icc-overlap-'));
    slow = slowAppends(createSqliteEventStore({ dataDir }));
    t = await startTestGateway({ store: slow.store, intakeRateLimit: { capacity: 1000, ratePerSecond: 1000 } });
  });
  afterEach(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (body: CreateCallbackRequestInput, idempotencyKey?: string) =>
    rawRequest(`${t.url}/v1/callbacks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey }) },
      body: JSON.stringify(body),
    });
  const statuses = (answers: { status: number }[]) => answers.map((answer) => answer.status).sort();

  it('appends the creations of one queue together instead of one after another', async () => {
    const sam = await t.signIn('supervisor-sam');
    await sam.createQueue(queue({}));
    const answers = await Promise.all(Array.from({ length: 10 }, (_, index) => post(request(usNumber(index)))));
    expect(statuses(answers)).toEqual(Array.from({ length: 10 }, () => 201));
    expect(slow.mostInFlight()).toBeGreaterThanOrEqual(2);
  });

  it('creates exactly one callback of a number while the others are in flight; the rest get 409 duplicate_callback naming it', async () => {
    const sam = await t.signIn('supervisor-sam');
    await sam.createQueue(queue({ duplicates: { maxOpenPerNumber: 1, onDuplicate: 'reject' } }));
    const answers = await Promise.all(Array.from({ length: 8 }, (_, index) => post(request(index % 2 ? '+1 (415) 555-0123' : '+14155550123'), `same-number-${index}`)));
    expect(statuses(answers)).toEqual([201, ...Array.from({ length: 7 }, () => 409)]);
    const created = answers.find((answer) => answer.status === 201)?.body as { id: string };
    for (const answer of answers.filter((candidate) => candidate.status === 409)) {
      expect(answer.body).toMatchObject({ code: 'duplicate_callback', existingCallback: { id: created.id } });
    }
  });

  it('updates the callback of a number created concurrently instead of creating another', async () => {
    const sam = await t.signIn('supervisor-sam');
    await sam.createQueue(queue({ duplicates: { maxOpenPerNumber: 1, onDuplicate: 'update' } }));
    const answers = await Promise.all(Array.from({ length: 4 }, (_, index) => post(request('+14155550123', { shortDescription: `Call ${index}` }))));
    expect(statuses(answers)).toEqual([200, 200, 200, 201]);
    expect((await sam.listCallbacks({ queueId: 'q-overlap' })).items).toHaveLength(1);
  });

  it('books exactly the seats of a slot among concurrent requests; the rest get 409 slot_full', async () => {
    const sam = await t.signIn('supervisor-sam');
    await sam.createQueue(queue({ slots: { minutes: 5, capacity: 3, perHourCap: 1000 } }));
    const answers = await Promise.all(Array.from({ length: 12 }, (_, index) => post(request(usNumber(index), scheduled))));
    expect(statuses(answers)).toEqual([201, 201, 201, ...Array.from({ length: 9 }, () => 409)]);
    for (const answer of answers.filter((candidate) => candidate.status === 409)) expect(answer.body).toMatchObject({ code: 'slot_full' });
    expect((await sam.listQueueSlots('q-overlap', { from: SLOT, to: '2026-03-11T10:05:00Z' })).items).toEqual([expect.objectContaining({ booked: 3, remaining: 0 })]);
    expect(slow.mostInFlight()).toBeGreaterThanOrEqual(2);
  });

  it('gives back the number and the seat of a creation whose append failed', async () => {
    const sam = await t.signIn('supervisor-sam');
    await sam.createQueue(queue({ slots: { minutes: 5, capacity: 1, perHourCap: 1000 }, duplicates: { maxOpenPerNumber: 1, onDuplicate: 'reject' } }));
    slow.failNextCreation();
    expect(await post(request('+14155550123', scheduled))).toMatchObject({ status: 503, body: { code: 'storage_unavailable' } });
    // The adapter restarts from the store after a refused append: 503 until it has.
    let next = await post(request('+14155550123', scheduled));
    for (let attempt = 0; next.status === 503 && attempt < 20; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      next = await post(request('+14155550123', scheduled));
    }
    expect(next.status).toBe(201);
  });

  it('replays one creation to every concurrent request with the same Idempotency-Key', async () => {
    const sam = await t.signIn('supervisor-sam');
    await sam.createQueue(queue({ duplicates: { maxOpenPerNumber: 5, onDuplicate: 'reject' } }));
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(request('+14155550123'), 'one-key')));
    expect(statuses(answers)).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((answer) => (answer.body as { id: string }).id)).size).toBe(1);
    expect((await post(request('+14155550124'), 'one-key')).body).toMatchObject({ code: 'idempotency_conflict' });
  });
});
