import { AGENTS, HOUR, SECOND, createEngineHarness, iso } from './__tests__/engine-fixtures';

describe('callback engine: queue position', () => {
  it('gives each waiting callback its place and an estimated wait', () => {
    const h = createEngineHarness();
    for (const n of [1, 2, 3]) {
      h.request(n);
      h.advanceBy(SECOND);
    }
    expect([1, 2, 3].map((n) => h.engine.queuePosition(`cb-${n}`, h.now()))).toEqual([
      { position: 1, estimatedWaitSeconds: 240 },
      { position: 2, estimatedWaitSeconds: 480 },
      { position: 3, estimatedWaitSeconds: 720 },
    ]);
  });

  it('moves everyone up when the first is offered, and divides the wait by the agents available', () => {
    const h = createEngineHarness();
    for (const n of [1, 2, 3]) h.request(n);
    h.presence(AGENTS.ada, 'available');
    expect(h.engine.queuePosition('cb-1', h.now())).toEqual({ position: null, estimatedWaitSeconds: null });
    expect(h.engine.queuePosition('cb-2', h.now()).position).toBe(1);

    h.presence(AGENTS.grace, 'available');
    expect(h.engine.queuePosition('cb-3', h.now()).position).toBe(1);
    h.presence(AGENTS.ada, 'away');
    expect(h.engine.queuePosition('cb-3', h.now()).position).toBe(1);
  });

  it('has no position for a callback that is scheduled, closed or unknown', () => {
    const h = createEngineHarness();
    h.request(1, { schedule: { type: 'scheduled', start: iso(h.now() + HOUR) } });
    h.request(2);
    h.cancel(2);
    const none = { position: null, estimatedWaitSeconds: null };
    expect(h.engine.queuePosition('cb-1', h.now())).toEqual(none);
    expect(h.engine.queuePosition('cb-2', h.now())).toEqual(none);
    expect(h.engine.queuePosition('cb-9', h.now())).toEqual(none);
  });
});
