import { exampleQueueConfig, exampleSalesQueueConfig, type Callback, type CallbackPage, type ListCallbacksQuery } from '@icc/protocol';
import { IccError } from '../errors';
import { fixtureCreated, fixtureEvent, fixturePresence } from './event-store-fixtures';
import { appendEach, useEventStore, type CreateEventStore } from './use-event-store';

const NOW = Date.parse('2026-03-10T15:00:00Z');
const minutesFromNow = (minutes: number, seconds = 0) => new Date(NOW + minutes * 60_000 + seconds * 1000).toISOString();
const agent = (id: string, queueIds: string[]) => ({ id, displayName: id, role: 'agent' as const, queueIds });
const numbers = (page: CallbackPage) => page.items.map((callback: Callback) => callback.number);

export function describeEventStoreQueryContract(createStore: CreateEventStore): void {
  describe('queries', () => {
    const store = useEventStore(createStore);

    it('finds a callback by its idempotency key, with the hash of the first request', async () => {
      await store().append([fixtureCreated(1, { idempotencyKey: 'ivr-1', requestHash: 'sha256:aaa' }), fixtureCreated(2)]);
      expect(await store().findCallbackByIdempotencyKey('ivr-1')).toEqual({ callback: await store().getCallback('cb-1'), requestHash: 'sha256:aaa' });
      expect(await store().findCallbackByIdempotencyKey('ivr-2')).toBeUndefined();
      await store().append([fixtureEvent('interaction.offered', 1)]);
      expect((await store().findCallbackByIdempotencyKey('ivr-1'))?.callback.state).toBe('in-progress');
    });

    it('rejects a second callback under a used idempotency key', async () => {
      await store().append([fixtureCreated(1, { idempotencyKey: 'ivr-1', requestHash: 'sha256:aaa' })]);
      const duplicate = store().append([fixtureCreated(2, { idempotencyKey: 'ivr-1', requestHash: 'sha256:bbb' })]);
      await expect(duplicate).rejects.toBeInstanceOf(IccError);
      await expect(duplicate).rejects.toMatchObject({ code: 'idempotency_conflict' });
      expect(await store().getCallback('cb-2')).toBeUndefined();
      expect((await store().findCallbackByIdempotencyKey('ivr-1'))?.requestHash).toBe('sha256:aaa');
    });

    it('hands out strictly increasing callback numbers, even to concurrent callers', async () => {
      const reserved = await Promise.all(Array.from({ length: 25 }, () => store().nextCallbackNumber()));
      expect(reserved[0]).toBeGreaterThanOrEqual(1);
      reserved.forEach((number, index) => index > 0 && expect(number).toBeGreaterThan(reserved[index - 1] as number));
      expect(await store().nextCallbackNumber()).toBeGreaterThan(reserved[24] as number);
    });

    describe('listCallbacks', () => {
      const list = (query: Partial<ListCallbacksQuery>) => store().listCallbacks({ limit: 50, ...query });
      beforeEach(async () => {
        await store().append([
          fixtureCreated(1),
          fixtureCreated(2, { queueId: 'q-sales', firstName: 'Jean', lastName: 'Dupont', phoneNumbers: ['+33142685300'], shortDescription: 'Wants a quote for fibre' }),
          fixtureCreated(3, { firstName: 'Camille', lastName: 'Durand', phoneNumbers: ['+442071838750'], shortDescription: 'Invoice question' }),
          fixtureCreated(4),
          fixtureEvent('interaction.offered', 4, { agentId: 'agent-ada' }),
          fixtureEvent('interaction.accepted', 4, { agentId: 'agent-ada' }),
          fixtureCreated(5, { queueId: 'q-sales' }),
          fixtureEvent('interaction.offered', 5, { agentId: 'agent-grace' }),
          fixtureEvent('interaction.accepted', 5, { agentId: 'agent-grace' }),
          fixtureEvent('interaction.closed', 5, { outcome: 'cancelled', by: 'api' }),
        ]);
      });

      it('lists newest request first', async () => {
        expect(await list({})).toEqual({ items: await Promise.all([5, 4, 3, 2, 1].map((n) => store().getCallback(`cb-${n}`))), nextCursor: null });
      });

      it('filters by queue, state and handling agent', async () => {
        expect(numbers(await list({ queueId: 'q-sales' }))).toEqual(['CB0000005', 'CB0000002']);
        expect(numbers(await list({ state: 'in-progress' }))).toEqual(['CB0000004']);
        expect(numbers(await list({ state: 'cancelled' }))).toEqual(['CB0000005']);
        expect(numbers(await list({ state: 'pending' }))).toEqual(['CB0000003', 'CB0000002', 'CB0000001']);
        expect(numbers(await list({ agentId: 'agent-ada' }))).toEqual(['CB0000004']);
        expect(numbers(await list({ agentId: 'agent-grace', queueId: 'q-sales' }))).toEqual(['CB0000005']);
        expect(numbers(await list({ agentId: 'agent-nobody' }))).toEqual([]);
      });

      it('searches name, number, phone number and short description, ignoring case', async () => {
        expect(numbers(await list({ search: 'MAYA' }))).toEqual(['CB0000005', 'CB0000004', 'CB0000001']);
        expect(numbers(await list({ search: 'maya lindqvist', queueId: 'q-support' }))).toEqual(['CB0000004', 'CB0000001']);
        expect(numbers(await list({ search: 'dupont' }))).toEqual(['CB0000002']);
        expect(numbers(await list({ search: 'cb0000003' }))).toEqual(['CB0000003']);
        expect(numbers(await list({ search: '+4420718' }))).toEqual(['CB0000003']);
        expect(numbers(await list({ search: 'FIBRE' }))).toEqual(['CB0000002']);
        expect(numbers(await list({ search: '100%_' }))).toEqual([]);
      });

      it('pages with an opaque cursor until nextCursor is null', async () => {
        const first = await list({ limit: 2 });
        expect(numbers(first)).toEqual(['CB0000005', 'CB0000004']);
        expect(first.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
        const second = await list({ limit: 2, cursor: first.nextCursor as string });
        expect(numbers(second)).toEqual(['CB0000003', 'CB0000002']);
        const third = await list({ limit: 2, cursor: second.nextCursor as string });
        expect(third).toEqual({ items: [await store().getCallback('cb-1')], nextCursor: null });
        const filtered = await list({ limit: 1, queueId: 'q-sales' });
        expect(numbers(await list({ limit: 1, queueId: 'q-sales', cursor: filtered.nextCursor as string }))).toEqual(['CB0000002']);
      });

      it('pages through callbacks requested at the same instant without losing any', async () => {
        const requestedAt = '2026-03-10T18:00:00Z';
        await store().append([6, 7, 8].map((n) => fixtureCreated(n, { requestedAt })));
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await list({ limit: 1, ...(cursor ? { cursor } : {}) });
          seen.push(...numbers(page));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(seen).toEqual(['CB0000008', 'CB0000007', 'CB0000006', 'CB0000005', 'CB0000004', 'CB0000003', 'CB0000002', 'CB0000001']);
      });

      it('rejects a cursor it did not hand out', async () => {
        await expect(list({ cursor: 'not a cursor' })).rejects.toBeInstanceOf(IccError);
        await expect(list({ cursor: 'WzEsMl0' })).rejects.toMatchObject({ code: 'validation_failed' });
      });
    });

    it('projects agent presence and when each agent became available', async () => {
      await store().saveAgent(agent('agent-ada', ['q-support']));
      await store().saveAgent(agent('agent-grace', ['q-support']));
      expect(await store().listAgents()).toEqual([
        { ...agent('agent-ada', ['q-support']), presence: 'offline' },
        { ...agent('agent-grace', ['q-support']), presence: 'offline' },
      ]);
      await store().append([fixturePresence('agent-ada', 'available', minutesFromNow(1))]);
      await store().append([fixturePresence('agent-ada', 'available', minutesFromNow(2), 'available')]);
      expect((await store().listAgents())[0]).toMatchObject({ presence: 'available', availableSince: minutesFromNow(1) });
      await store().append([fixturePresence('agent-ada', 'busy', minutesFromNow(3), 'available', 'available'), fixturePresence('agent-grace', 'away', minutesFromNow(3))]);
      expect(await store().listAgents()).toEqual([
        { ...agent('agent-ada', ['q-support']), presence: 'busy', presenceSince: minutesFromNow(3), chosenPresence: 'available' },
        { ...agent('agent-grace', ['q-support']), presence: 'away', presenceSince: minutesFromNow(3) },
      ]);
      // A choice made during the work waits for it to end; the time in state stays.
      await store().append([fixturePresence('agent-ada', 'busy', minutesFromNow(3, 30), 'busy', 'away')]);
      expect((await store().listAgents())[0]).toMatchObject({ presence: 'busy', presenceSince: minutesFromNow(3), chosenPresence: 'away' });
      await store().append([fixturePresence('agent-ada', 'available', minutesFromNow(4), 'busy'), fixturePresence('agent-zoe', 'available', minutesFromNow(4))]);
      expect((await store().listAgents()).map((listed) => listed.id)).toEqual(['agent-ada', 'agent-grace']);
      expect((await store().listAgents())[0]?.availableSince).toBe(minutesFromNow(4));
      await store().saveAgent({ ...agent('agent-zoe', ['q-sales']), displayName: 'Zoe' });
      await store().saveAgent({ ...agent('agent-ada', ['q-support', 'q-sales']), displayName: 'Ada L.' });
      expect(await store().listAgents()).toEqual([
        { ...agent('agent-ada', ['q-support', 'q-sales']), displayName: 'Ada L.', presence: 'available', availableSince: minutesFromNow(4), presenceSince: minutesFromNow(4) },
        { ...agent('agent-grace', ['q-support']), presence: 'away', presenceSince: minutesFromNow(3) },
        { ...agent('agent-zoe', ['q-sales']), displayName: 'Zoe', presence: 'available', availableSince: minutesFromNow(4), presenceSince: minutesFromNow(4) },
      ]);
      expect(await store().readInteraction('agent-ada')).toEqual([]);
      expect(await store().readAfter(0, 10)).toHaveLength(7);
    });

    it('keeps every missed and rejected offer with agent, queue and reason, filtered and totalled', async () => {
      await store().append([fixtureCreated(1), fixtureCreated(2, { queueId: 'q-sales' })]);
      await store().append([
        fixtureEvent('interaction.offered', 1, { agentId: 'agent-ada', at: minutesFromNow(1) }),
        fixtureEvent('interaction.offer-declined', 1, { agentId: 'agent-ada', cause: 'timeout', at: minutesFromNow(2) }),
        fixtureEvent('interaction.offered', 1, { agentId: 'agent-grace', at: minutesFromNow(2) }),
        fixtureEvent('interaction.offer-declined', 1, { agentId: 'agent-grace', cause: 'rejected', at: minutesFromNow(3) }),
        fixtureEvent('interaction.offered', 2, { agentId: 'agent-ada', at: minutesFromNow(3) }),
        fixtureEvent('interaction.offer-declined', 2, { agentId: 'agent-ada', cause: 'agent-unavailable', at: minutesFromNow(4) }),
        fixtureEvent('interaction.offered', 2, { agentId: 'agent-ada', at: minutesFromNow(4) }),
        fixtureEvent('interaction.offer-declined', 2, { agentId: 'agent-ada', cause: 'rejected', at: minutesFromNow(5) }),
      ]);
      const all = await store().missedOffers({ limit: 10 });
      expect(all.items.map((offer) => [offer.agentId, offer.queueId, offer.reason, offer.at])).toEqual([
        ['agent-ada', 'q-sales', 'rejected', minutesFromNow(5)],
        ['agent-grace', 'q-support', 'rejected', minutesFromNow(3)],
        ['agent-ada', 'q-support', 'timeout', minutesFromNow(2)],
      ]);
      expect(all.items[0]).toMatchObject({ interactionId: 'ix-2', callbackId: 'cb-2' });
      expect(all.totals).toEqual({
        byAgent: [
          { id: 'agent-ada', timeout: 1, rejected: 1 },
          { id: 'agent-grace', timeout: 0, rejected: 1 },
        ],
        byQueue: [
          { id: 'q-sales', timeout: 0, rejected: 1 },
          { id: 'q-support', timeout: 1, rejected: 1 },
        ],
      });
      expect((await store().missedOffers({ limit: 10, agentId: 'agent-ada', queueId: 'q-support' })).items.map((offer) => offer.reason)).toEqual(['timeout']);
      expect((await store().missedOffers({ limit: 10, reason: 'rejected' })).items).toHaveLength(2);
      const window = await store().missedOffers({ limit: 1, fromMs: Date.parse(minutesFromNow(3)), toMs: Date.parse(minutesFromNow(5)) });
      expect(window.items.map((offer) => offer.agentId)).toEqual(['agent-grace']);
      expect(window.totals.byAgent).toEqual([{ id: 'agent-grace', timeout: 0, rejected: 1 }]);
    });

    it('finds one agent by id exactly as listAgents shows it, presence included', async () => {
      const sameAsListed = async () => {
        for (const listed of await store().listAgents()) expect(await store().getAgent(listed.id)).toEqual(listed);
      };
      expect(await store().getAgent('agent-ada')).toBeUndefined();
      await store().saveAgent(agent('agent-ada', ['q-support']));
      await store().saveAgent(agent('agent-grace', ['q-support']));
      expect(await store().getAgent('agent-ada')).toEqual({ ...agent('agent-ada', ['q-support']), presence: 'offline' });
      await store().append([fixturePresence('agent-ada', 'available', minutesFromNow(1)), fixturePresence('agent-zoe', 'away', minutesFromNow(1))]);
      expect(await store().getAgent('agent-ada')).toEqual({
        ...agent('agent-ada', ['q-support']),
        presence: 'available',
        availableSince: minutesFromNow(1),
        presenceSince: minutesFromNow(1),
      });
      await sameAsListed();
      // Presence alone does not make an agent: only a saved definition does.
      expect(await store().getAgent('agent-zoe')).toBeUndefined();
      await store().saveAgent({ ...agent('agent-zoe', ['q-sales']), displayName: 'Zoe' });
      expect(await store().getAgent('agent-zoe')).toEqual({ ...agent('agent-zoe', ['q-sales']), displayName: 'Zoe', presence: 'away', presenceSince: minutesFromNow(1) });
      await sameAsListed();
    });

    it('computes queue stats from the read models, every configured queue included', async () => {
      await store().saveQueue(exampleQueueConfig({ id: 'q-support' }));
      await store().saveQueue(exampleSalesQueueConfig({ id: 'q-sales' }));
      await store().saveQueue(exampleQueueConfig({ id: 'q-empty', name: 'Empty' }));
      await store().saveAgent(agent('agent-ada', ['q-support', 'q-sales']));
      await store().saveAgent(agent('agent-grace', ['q-support']));
      await store().saveAgent(agent('agent-linus', ['q-sales']));
      // One event per append, so stores that keep running totals update them step by step.
      await appendEach(store(), [
        fixturePresence('agent-ada', 'available', minutesFromNow(-60)),
        fixturePresence('agent-grace', 'busy', minutesFromNow(-60)),
        fixturePresence('agent-linus', 'available', minutesFromNow(-60)),
        fixtureCreated(1, { requestedAt: minutesFromNow(-10) }),
        fixtureCreated(2, { requestedAt: minutesFromNow(-2) }),
        fixtureCreated(3, { requestedAt: minutesFromNow(-30), schedule: { type: 'scheduled', start: minutesFromNow(30) } }),
        fixtureCreated(4, { requestedAt: minutesFromNow(-30), schedule: { type: 'scheduled', start: minutesFromNow(120) } }),
        fixtureCreated(5, { requestedAt: minutesFromNow(-50) }),
        fixtureEvent('interaction.offered', 5, { at: minutesFromNow(-49), agentId: 'agent-ada' }),
        fixtureEvent('interaction.accepted', 5, { at: minutesFromNow(-48), agentId: 'agent-ada' }),
        fixtureEvent('interaction.dialing', 5, { at: minutesFromNow(-48, 40), attempt: 1 }),
        fixtureEvent('interaction.dial-failed', 5, { at: minutesFromNow(-47), failure: 'no-answer' }),
        fixtureEvent('interaction.dialing', 5, { at: minutesFromNow(-46), attempt: 2 }),
        fixtureEvent('interaction.customer-answered', 5, { at: minutesFromNow(-46, 10) }),
        fixtureCreated(6, { requestedAt: minutesFromNow(-40) }),
        fixtureEvent('interaction.offered', 6, { at: minutesFromNow(-39), agentId: 'agent-grace' }),
        fixtureEvent('interaction.accepted', 6, { at: minutesFromNow(-38), agentId: 'agent-grace' }),
        fixtureEvent('interaction.dialing', 6, { at: minutesFromNow(-38, 20), attempt: 1 }),
        fixtureEvent('interaction.dial-failed', 6, { at: minutesFromNow(-37), failure: 'busy' }),
        fixtureCreated(7, { queueId: 'q-sales', mode: 'customer-first', requestedAt: minutesFromNow(-20) }),
        fixtureEvent('interaction.dialing', 7, { at: minutesFromNow(-19), attempt: 1, trigger: 'system' }),
        fixtureEvent('interaction.dial-failed', 7, { at: minutesFromNow(-18), failure: 'no-answer' }),
      ]);
      const empty = { depth: 0, oldestWaitSeconds: 0, scheduledNextHour: 0, offered: 0, answered: 0, noAnswer: 0, answerRate: null, averagePreviewSeconds: null };
      expect(await store().queueStats(NOW)).toEqual([
        { queueId: 'q-empty', ...empty, agentsAvailable: 0 },
        { queueId: 'q-sales', ...empty, agentsAvailable: 2, noAnswer: 1, answerRate: 0 },
        {
          queueId: 'q-support',
          depth: 2,
          oldestWaitSeconds: 600,
          scheduledNextHour: 1,
          agentsAvailable: 1,
          offered: 2,
          answered: 1,
          noAnswer: 2,
          answerRate: 1 / 3,
          averagePreviewSeconds: 30,
        },
      ]);
      expect((await store().queueStats(NOW + 60_000)).find((stats) => stats.queueId === 'q-support')?.oldestWaitSeconds).toBe(660);
    });

    it('counts an interaction sent back to another queue in that queue, not in both', async () => {
      await store().saveQueue(exampleQueueConfig({ id: 'q-support' }));
      await store().saveQueue(exampleSalesQueueConfig({ id: 'q-sales' }));
      const answered = [
        fixtureCreated(1, { requestedAt: minutesFromNow(-50) }),
        fixtureEvent('interaction.offered', 1, { at: minutesFromNow(-49), agentId: 'agent-ada' }),
        fixtureEvent('interaction.accepted', 1, { at: minutesFromNow(-48), agentId: 'agent-ada' }),
        fixtureEvent('interaction.dialing', 1, { at: minutesFromNow(-48, 40), attempt: 1 }),
        fixtureEvent('interaction.customer-answered', 1, { at: minutesFromNow(-46, 10) }),
      ];
      const requeued = fixtureEvent('interaction.call-requeued', 1, { at: minutesFromNow(-40), fromAgentId: 'agent-ada', queueId: 'q-sales', queueName: 'Sales' });
      const totals = async () =>
        (await store().queueStats(NOW)).map(({ queueId, offered, answered }) => ({ queueId, offered, answered }));

      await appendEach(store(), answered);
      expect(await totals()).toEqual([
        { queueId: 'q-sales', offered: 0, answered: 0 },
        { queueId: 'q-support', offered: 1, answered: 1 },
      ]);
      await store().append([requeued]);
      expect(await totals()).toEqual([
        { queueId: 'q-sales', offered: 1, answered: 1 },
        { queueId: 'q-support', offered: 0, answered: 0 },
      ]);
    });
  });
}
