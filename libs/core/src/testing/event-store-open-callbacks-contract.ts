import { EXAMPLE_PHONE_NUMBERS } from '@icc/protocol';
import { fixtureCreated, fixtureEvent } from './event-store-fixtures';
import { useEventStore, type CreateEventStore } from './use-event-store';

const at = (minute: number) => new Date(Date.parse('2026-03-10T14:00:00Z') + minute * 60_000).toISOString();
const scheduledAt = (minute: number) => ({ type: 'scheduled' as const, start: at(minute) });
const { us, usMobile, gb, fr } = EXAMPLE_PHONE_NUMBERS;

/** `openCallbacksWithNumbers` and `scheduledStartsOfQueue`: the open-callback read model intake reads. */
export function describeEventStoreOpenCallbacksContract(createStore: CreateEventStore): void {
  describe('open callbacks', () => {
    const store = useEventStore(createStore);
    const idsWithNumbers = async (queueId: string, numbers: string[]) =>
      (await store().openCallbacksWithNumbers(queueId, numbers)).map((callback) => callback.id);

    it('finds the open callbacks of a queue sharing a number, oldest request first, each once', async () => {
      await store().append([
        fixtureCreated(1, { phoneNumbers: [us, usMobile], requestedAt: at(5) }),
        fixtureCreated(2, { phoneNumbers: [usMobile], requestedAt: at(1) }),
        fixtureCreated(3, { phoneNumbers: [us], queueId: 'q-sales' }),
        fixtureCreated(4, { phoneNumbers: [gb] }),
      ]);
      expect(await idsWithNumbers('q-support', [us, usMobile])).toEqual(['cb-2', 'cb-1']);
      expect(await idsWithNumbers('q-support', [us])).toEqual(['cb-1']);
      expect(await idsWithNumbers('q-sales', [us])).toEqual(['cb-3']);
      expect(await idsWithNumbers('q-support', [fr])).toEqual([]);
      expect(await idsWithNumbers('q-unknown', [us])).toEqual([]);
      expect(await store().openCallbacksWithNumbers('q-support', [gb])).toEqual([await store().getCallback('cb-4')]);
    });

    it('matches a number written in another format by its E.164 form, both ways', async () => {
      await store().append([fixtureCreated(1, { phoneNumbers: ['+1 (415) 555-2671'] }), fixtureCreated(2, { phoneNumbers: [gb] })]);
      expect(await idsWithNumbers('q-support', [us])).toEqual(['cb-1']);
      expect(await idsWithNumbers('q-support', ['+44 20 7183 8750'])).toEqual(['cb-2']);
      expect(await idsWithNumbers('q-support', ['+1 415-555-2671', 'not a number'])).toEqual(['cb-1']);
    });

    it('drops callbacks once closed, cancelled or transferred out of the contact center', async () => {
      await store().append([
        fixtureCreated(1, { phoneNumbers: [us], schedule: scheduledAt(60) }),
        fixtureCreated(2, { phoneNumbers: [us], schedule: scheduledAt(90) }),
        fixtureCreated(3, { phoneNumbers: [us] }),
        fixtureCreated(4, { phoneNumbers: [us] }),
      ]);
      await store().append([fixtureEvent('interaction.closed', 1, { at: at(10), outcome: 'cancelled', by: 'api' })]);
      await store().append([fixtureEvent('interaction.closed', 3, { at: at(11), outcome: 'expired', by: 'system' })]);
      // The callback itself stays without closedAt: only its closed interaction ends it.
      await store().append([fixtureEvent('interaction.closed', 4, { at: at(12), outcome: 'transferred', by: 'agent' })]);
      expect((await store().getCallback('cb-4'))?.closedAt).toBeUndefined();
      expect(await idsWithNumbers('q-support', [us])).toEqual(['cb-2']);
      expect(await store().scheduledStartsOfQueue('q-support')).toEqual([{ callbackId: 'cb-2', startMs: Date.parse(at(90)) }]);
    });

    it('leaves out a callback created and closed in the same batch', async () => {
      await store().append([
        fixtureCreated(1, { phoneNumbers: [us], schedule: scheduledAt(60) }),
        fixtureEvent('interaction.closed', 1, { at: at(2), outcome: 'cancelled', by: 'api' }),
      ]);
      expect(await idsWithNumbers('q-support', [us])).toEqual([]);
      expect(await store().scheduledStartsOfQueue('q-support')).toEqual([]);
    });

    it('lists the starts of open scheduled callbacks by queue, earliest first', async () => {
      await store().append([
        fixtureCreated(1, { schedule: scheduledAt(120) }),
        fixtureCreated(2, { schedule: scheduledAt(60) }),
        fixtureCreated(3),
        fixtureCreated(4, { schedule: scheduledAt(60) }),
        fixtureCreated(5, { schedule: scheduledAt(30), queueId: 'q-sales' }),
      ]);
      expect(await store().scheduledStartsOfQueue('q-support')).toEqual([
        { callbackId: 'cb-2', startMs: Date.parse(at(60)) },
        { callbackId: 'cb-4', startMs: Date.parse(at(60)) },
        { callbackId: 'cb-1', startMs: Date.parse(at(120)) },
      ]);
      expect(await store().scheduledStartsOfQueue('q-sales')).toEqual([{ callbackId: 'cb-5', startMs: Date.parse(at(30)) }]);
      expect(await store().scheduledStartsOfQueue('q-unknown')).toEqual([]);
    });

    it('replaces a rescheduled start, and follows a move to another queue and new numbers', async () => {
      await store().append([fixtureCreated(1, { phoneNumbers: [us], schedule: scheduledAt(60) }), fixtureCreated(2, { phoneNumbers: [us], schedule: scheduledAt(70) })]);
      await store().append([fixtureEvent('interaction.rescheduled', 1, { at: at(2), scheduledAt: at(180), by: 'customer' })]);
      expect(await store().scheduledStartsOfQueue('q-support')).toEqual([
        { callbackId: 'cb-2', startMs: Date.parse(at(70)) },
        { callbackId: 'cb-1', startMs: Date.parse(at(180)) },
      ]);
      await store().append([
        fixtureEvent('interaction.rescheduled', 2, { at: at(3), scheduledAt: at(240), by: 'api', queueId: 'q-sales', queueName: 'Sales', phoneNumbers: [fr] }),
      ]);
      expect(await store().scheduledStartsOfQueue('q-support')).toEqual([{ callbackId: 'cb-1', startMs: Date.parse(at(180)) }]);
      expect(await store().scheduledStartsOfQueue('q-sales')).toEqual([{ callbackId: 'cb-2', startMs: Date.parse(at(240)) }]);
      expect(await idsWithNumbers('q-support', [us])).toEqual(['cb-1']);
      expect(await idsWithNumbers('q-sales', [us])).toEqual([]);
      expect(await idsWithNumbers('q-sales', [fr])).toEqual(['cb-2']);
    });

    it('keeps a callback through the events of its call, and answers with the callback as it is now', async () => {
      await store().append([fixtureCreated(1, { phoneNumbers: [us], mode: 'customer-first' })]);
      await store().append([fixtureEvent('interaction.dialing', 1, { at: at(2), attempt: 1, agentId: 'agent-ada', trigger: 'system' })]);
      expect(await store().openCallbacksWithNumbers('q-support', [us])).toEqual([await store().getCallback('cb-1')]);
      expect((await store().openCallbacksWithNumbers('q-support', [us]))[0]).toMatchObject({ state: 'in-progress', attempts: 1 });
    });

    it('changes nothing when a batch is refused', async () => {
      await store().append([fixtureCreated(1, { phoneNumbers: [us], schedule: scheduledAt(60) })]);
      const refused = store().append([fixtureEvent('interaction.closed', 1, { at: at(2), outcome: 'cancelled', by: 'api' }), fixtureEvent('interaction.held', 1)]);
      await expect(refused).rejects.toMatchObject({ code: 'invalid_transition' });
      expect(await idsWithNumbers('q-support', [us])).toEqual(['cb-1']);
      expect(await store().scheduledStartsOfQueue('q-support')).toEqual([{ callbackId: 'cb-1', startMs: Date.parse(at(60)) }]);
    });
  });
}
