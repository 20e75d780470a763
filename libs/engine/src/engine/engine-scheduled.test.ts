import { AGENTS, HOUR, MINUTE, QUEUES, createEngineHarness, eventTypes, interactionId, iso, offers, onlyEvent, restartEngine } from './__tests__/engine-fixtures';

const scheduled = (start: number, windowEnd?: number) =>
  windowEnd === undefined
    ? { type: 'scheduled' as const, start: iso(start) }
    : { type: 'scheduled' as const, start: iso(start), windowEnd: iso(windowEnd) };

describe('callback engine: scheduled callbacks', () => {
  it('waits in scheduled until its start, then queues and offers it', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    const start = h.now() + HOUR;
    expect(onlyEvent(h.request(1, { schedule: scheduled(start) }), 'interaction.created')).toMatchObject({
      initialState: 'scheduled',
      scheduledAt: iso(start),
    });
    expect(h.engine.nextWakeAt()).toBe(start);
    expect(h.advanceTo(start - 1)).toEqual([]);

    const started = h.advanceTo(start);
    expect(onlyEvent(started, 'interaction.queued')).toMatchObject({ cause: 'schedule-start', overdue: false });
    expect(offers(started)).toEqual([[interactionId(1), AGENTS.ada]]);
  });

  it('queues at once when the start has already passed', () => {
    const h = createEngineHarness();
    expect(onlyEvent(h.request(1, { schedule: scheduled(h.now() - MINUTE) }), 'interaction.created').initialState).toBe('queued');
  });

  it('waits for the next opening when the start falls on a closed day', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    const saturday = Date.parse('2026-03-14T10:00:00Z');
    const mondayOpening = Date.parse('2026-03-16T08:00:00Z');
    h.request(1, { queueId: QUEUES.weekdays, schedule: scheduled(saturday) });

    expect(h.advanceTo(saturday)).toEqual([]);
    expect(h.engine.interaction(interactionId(1))?.state).toBe('scheduled');
    expect(h.engine.nextWakeAt()).toBe(mondayOpening);

    const opened = h.advanceTo(mondayOpening);
    expect(eventTypes(opened)).toEqual(['interaction.queued', 'interaction.offered']);
  });

  it('does not offer ASAP callbacks while the queue is closed, and offers them when it opens', () => {
    const h = createEngineHarness({ start: Date.parse('2026-03-09T19:00:00Z') });
    h.presence(AGENTS.ada, 'available');
    expect(offers(h.request(1, { queueId: QUEUES.weekdays }))).toEqual([]);
    const opening = Date.parse('2026-03-10T08:00:00Z');
    expect(h.engine.nextWakeAt()).toBe(opening);
    expect(offers(h.advanceTo(opening))).toEqual([[interactionId(1), AGENTS.ada]]);
  });

  it('serves an overdue scheduled callback before older ASAP ones', () => {
    const h = createEngineHarness();
    const t0 = h.now();
    h.request(1);
    h.advanceBy(MINUTE);
    h.request(2, { schedule: scheduled(t0 + 2 * MINUTE, t0 + 5 * MINUTE) });
    h.request(3);

    expect(onlyEvent(h.advanceTo(t0 + 2 * MINUTE), 'interaction.queued').overdue).toBe(false);
    expect(offers(h.presence(AGENTS.ada, 'available'))).toEqual([[interactionId(1), AGENTS.ada]]);
    h.execute(AGENTS.ada, { type: 'accept', interactionId: interactionId(1) });
    expect(h.engine.queuePosition('cb-2', h.now()).position).toBe(2);

    h.advanceTo(t0 + 5 * MINUTE);
    expect(h.engine.queuePosition('cb-2', h.now()).position).toBe(1);
    expect(h.engine.queuePosition('cb-3', h.now()).position).toBe(2);
    expect(offers(h.presence(AGENTS.grace, 'available'))).toEqual([[interactionId(2), AGENTS.grace]]);
    expect(offers(h.presence(AGENTS.alan, 'available'))).toEqual([[interactionId(3), AGENTS.alan]]);
  });

  it('marks a callback overdue when it only starts after its window has ended', () => {
    const h = createEngineHarness();
    const saturday = Date.parse('2026-03-14T10:00:00Z');
    h.request(1, { queueId: QUEUES.weekdays, schedule: scheduled(saturday, saturday + HOUR) });
    h.advanceTo(saturday);
    expect(onlyEvent(h.advanceTo(Date.parse('2026-03-16T08:00:00Z')), 'interaction.queued').overdue).toBe(true);
  });

  it('expires a scheduled callback whose expire time comes before its start', () => {
    const h = createEngineHarness();
    const expireAt = h.now() + HOUR;
    h.request(1, { schedule: scheduled(h.now() + 2 * HOUR), expireAt: iso(expireAt) });
    expect(h.engine.nextWakeAt()).toBe(expireAt);
    expect(onlyEvent(h.advanceTo(expireAt), 'interaction.closed').outcome).toBe('expired');
    expect(h.advanceTo(expireAt + 2 * HOUR)).toEqual([]);
  });

  it('expires, never calls, when the start and the expire time are the same instant, before and after a restart', () => {
    const requested = () => {
      const h = createEngineHarness();
      h.presence(AGENTS.ada, 'available');
      const instant = h.now() + HOUR;
      h.request(1, { schedule: scheduled(instant), expireAt: iso(instant) });
      return { h, instant };
    };
    const live = requested();
    expect(eventTypes(live.h.advanceTo(live.instant))).toEqual(['interaction.closed']);

    const before = requested();
    const fired = restartEngine(before.h).h.advanceTo(before.instant);
    expect(eventTypes(fired)).toEqual(['interaction.closed']);
    expect(onlyEvent(fired, 'interaction.closed').outcome).toBe('expired');
  });
});
