import fc from 'fast-check';
import { isWithinCallingHours, nextCallingInstant } from '@icc/core';
import { exampleCreateCallbackRequest, type QueueConfig } from '@icc/protocol';
import { AGENTS, MINUTE, QUEUES, SECOND, T0, createEngineHarness, eventTypes, interactionId, offers, onlyEvent, testQueues } from './__tests__/engine-fixtures';

const ix = interactionId(1);
const customerIn = (timeZone: string) => ({ customer: { ...exampleCreateCallbackRequest().customer, timeZone } });

/** The test queues, with the calling hours given (undefined: the default, 08:00–21:00). */
function queuesWithCallingHours(callingHours: QueueConfig['callingHours']): QueueConfig[] {
  return testQueues().map(({ callingHours: _aroundTheClock, ...queue }) => (callingHours ? { ...queue, callingHours } : queue));
}

// T0 is Monday 9 March 2026, 09:00 UTC: 02:00 in Los Angeles (PDT since the day before), 10:00 in Paris.
const LOS_ANGELES_EIGHT_AM = Date.parse('2026-03-09T15:00:00Z');

describe('callback engine: no automatic dialing outside the customer\'s calling hours', () => {
  it('holds a customer-first callback until 08:00 on the customer\'s clock, then dials it', () => {
    const h = createEngineHarness({ queues: queuesWithCallingHours(undefined) });
    h.presence(AGENTS.ada, 'available');
    expect(eventTypes(h.request(1, { queueId: QUEUES.customerFirst, ...customerIn('America/Los_Angeles') }))).toEqual(['interaction.created']);
    expect(h.engine.interaction(ix)?.state).toBe('queued');
    // A timer, not polling: the engine's next wake-up is the customer's 08:00.
    expect(h.engine.nextWakeAt()).toBe(LOS_ANGELES_EIGHT_AM);

    expect(h.advanceTo(LOS_ANGELES_EIGHT_AM - 1)).toEqual([]);
    expect(onlyEvent(h.advanceTo(LOS_ANGELES_EIGHT_AM), 'interaction.dialing')).toMatchObject({ interactionId: ix, agentId: AGENTS.ada, trigger: 'system' });
  });

  it('dials at once a customer whose clock is inside calling hours, in the same queue', () => {
    const h = createEngineHarness({ queues: queuesWithCallingHours(undefined) });
    h.presence(AGENTS.ada, 'available');
    h.request(1, { queueId: QUEUES.customerFirst, ...customerIn('America/Los_Angeles') });
    // Paris is at 10:00: callback 2 is dialed although callback 1 waits longer.
    const paris = h.request(2, { queueId: QUEUES.customerFirst, ...customerIn('Europe/Paris') });
    expect(onlyEvent(paris, 'interaction.dialing').interactionId).toBe(interactionId(2));
  });

  it('does not offer an agent-first callback of an auto-dial queue before the customer\'s hours, and offers it at opening', () => {
    const h = createEngineHarness({ queues: queuesWithCallingHours(undefined) });
    h.presence(AGENTS.ada, 'available');
    expect(offers(h.request(1, { queueId: QUEUES.auto, ...customerIn('America/Los_Angeles') }))).toEqual([]);
    expect(offers(h.advanceTo(LOS_ANGELES_EIGHT_AM))).toEqual([[ix, AGENTS.ada]]);
  });

  it('still offers an agent-first callback of a manual-dial queue: the agent decides, warned by the workspace', () => {
    const h = createEngineHarness({ queues: queuesWithCallingHours(undefined) });
    h.presence(AGENTS.ada, 'available');
    expect(offers(h.request(1, { queueId: QUEUES.manual, ...customerIn('America/Los_Angeles') }))).toEqual([[ix, AGENTS.ada]]);
  });

  it("follows the queue's configured hours, and a new version releases what it no longer holds", () => {
    const h = createEngineHarness({ queues: queuesWithCallingHours({ start: '11:00', end: '19:00' }) });
    h.presence(AGENTS.ada, 'available');
    // 10:00 in Paris: inside the default hours, outside the queue's.
    expect(eventTypes(h.request(1, { queueId: QUEUES.customerFirst, ...customerIn('Europe/Paris') }))).toEqual(['interaction.created']);
    expect(h.engine.nextWakeAt()).toBe(Date.parse('2026-03-09T10:00:00Z'));

    const sales = testQueues().find((queue) => queue.id === QUEUES.customerFirst) as QueueConfig;
    const released = h.record(h.engine.applyQueueConfig({ ...sales, version: 2, callingHours: { start: '09:30', end: '19:00' } }, h.now()));
    expect(onlyEvent(released, 'interaction.dialing').interactionId).toBe(ix);
  });

  it('holds a kept callback too, until its customer may be called', () => {
    const h = createEngineHarness({ queues: queuesWithCallingHours(undefined) });
    h.presence(AGENTS.grace, 'available');
    expect(eventTypes(h.request(1, { queueId: QUEUES.customerFirst, assignedAgentId: AGENTS.grace, ...customerIn('America/Los_Angeles') }))).toEqual([
      'interaction.created',
    ]);
    expect(onlyEvent(h.advanceTo(LOS_ANGELES_EIGHT_AM), 'interaction.dialing').agentId).toBe(AGENTS.grace);
  });

  it('starts no auto-dial countdown that would end after the calling hours close; the agent dials by hand', () => {
    // 10:00:50 in Paris; the queue's hours end at 10:01, the auto queue counts down 15 s.
    const h = createEngineHarness({ queues: queuesWithCallingHours({ start: '08:00', end: '10:01' }), start: T0 + 50 * SECOND });
    h.presence(AGENTS.ada, 'available');
    h.request(1, { queueId: QUEUES.auto, ...customerIn('Europe/Paris') });
    expect(onlyEvent(h.execute(AGENTS.ada, { type: 'accept', interactionId: ix }), 'interaction.accepted').autoDialAt).toBeUndefined();
    expect(h.advanceBy(MINUTE)).toEqual([]);
    expect(h.engine.interaction(ix)?.state).toBe('previewing');
    expect(eventTypes(h.execute(AGENTS.ada, { type: 'dial', interactionId: ix, phoneNumber: exampleCreateCallbackRequest().customer.phoneNumbers[0] as string }))).toEqual([
      'interaction.dialing',
    ]);
  });

  it('counts down as usual when the countdown ends inside calling hours', () => {
    const h = createEngineHarness({ queues: queuesWithCallingHours({ start: '08:00', end: '10:01' }) });
    h.presence(AGENTS.ada, 'available');
    h.request(1, { queueId: QUEUES.auto, ...customerIn('Europe/Paris') });
    const accepted = onlyEvent(h.execute(AGENTS.ada, { type: 'accept', interactionId: ix }), 'interaction.accepted');
    expect(accepted.autoDialAt).toBe(new Date(T0 + 15 * SECOND).toISOString());
  });
});

describe('callback engine: calling hours over random traffic', () => {
  const zones = ['America/New_York', 'Europe/Paris', 'America/Los_Angeles', 'Asia/Kolkata', 'Australia/Lord_Howe'];
  const halfHour = (index: number) => (index === 48 ? '24:00' : `${String(Math.floor(index / 2)).padStart(2, '0')}:${index % 2 ? '30' : '00'}`);
  const hoursArbitrary = fc
    .tuple(fc.integer({ min: 0, max: 47 }), fc.integer({ min: 1, max: 48 }))
    .filter(([start, end]) => start < end)
    .map(([start, end]) => ({ start: halfHour(start), end: halfHour(end) }));
  const trafficArbitrary = fc.array(fc.record({ afterMinutes: fc.integer({ min: 0, max: 600 }), zone: fc.constantFrom(...zones) }), { minLength: 1, maxLength: 8 });
  // Around both March clock changes: New York on 8 March, Paris on 29 March 2026.
  const startArbitrary = fc.constantFrom(Date.parse('2026-03-07T20:00:00Z'), Date.parse('2026-03-28T20:00:00Z'), T0);

  it("dials by itself only inside the customer's hours, first at the customer's next allowed instant, and every held callback in the end", () => {
    fc.assert(
      fc.property(hoursArbitrary, trafficArbitrary, startArbitrary, (callingHours, traffic, start) => {
        const h = createEngineHarness({ queues: queuesWithCallingHours(callingHours), start });
        h.presence(AGENTS.ada, 'available');
        const customers = new Map<string, { zone: string; requestedAt: number }>();
        // Every call fails at once (busy): the agent is free again at the same instant, retries follow the queue's policy.
        const failEveryDialing = () => {
          for (let dialing = [...customers.keys()].filter((id) => h.engine.interaction(id)?.state === 'dialing'); dialing.length > 0; ) {
            for (const id of dialing) h.telephony(id, 'busy');
            dialing = [...customers.keys()].filter((id) => h.engine.interaction(id)?.state === 'dialing');
          }
        };
        // Every timer fires at its due instant, as the adapter's wake timer makes it, not on a polling step.
        const advanceUntil = (target: number) => {
          for (let wake = h.engine.nextWakeAt(); wake !== undefined && wake <= target; wake = h.engine.nextWakeAt()) {
            h.advanceTo(Math.max(wake, h.now()));
            failEveryDialing();
          }
          h.advanceTo(target);
          failEveryDialing();
        };
        traffic.forEach(({ afterMinutes, zone }, index) => {
          advanceUntil(h.now() + afterMinutes * MINUTE);
          customers.set(interactionId(index + 1), { zone, requestedAt: h.now() });
          h.request(index + 1, { queueId: QUEUES.customerFirst, ...customerIn(zone) });
          failEveryDialing();
        });
        advanceUntil(h.now() + 4 * 24 * 60 * MINUTE);

        const dialings = h.log.filter((event) => event.type === 'interaction.dialing');
        for (const event of dialings) {
          const { zone } = customers.get(event.interactionId) as { zone: string };
          expect(isWithinCallingHours(callingHours, zone, Date.parse(event.at))).toBe(true);
        }
        for (const [id, { zone, requestedAt }] of customers) {
          const first = dialings.find((event) => event.interactionId === id);
          expect(first && Date.parse(first.at)).toBe(nextCallingInstant(callingHours, zone, requestedAt));
          expect(h.engine.interaction(id)?.state ?? 'closed').toBe('closed');
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
