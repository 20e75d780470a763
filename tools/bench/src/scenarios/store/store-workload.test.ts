import type { NewIccEvent } from '@icc/protocol';
import { appendRounds, callbackAppends, runAppenders } from './store-workload';

describe('store workload', () => {
  it('appends every batch once, each callback in its own order, with the appenders interleaved', async () => {
    const perCallback = callbackAppends({ callbacks: 5, agents: 2 });
    const seen: NewIccEvent[][] = [];
    const measured = await runAppenders(perCallback, 3, async (events) => {
      seen.push(events);
      await new Promise((resolve) => setImmediate(resolve));
    });
    expect(measured).toMatchObject({ events: 35, appends: 30 });
    expect(seen).toHaveLength(30);
    for (const appends of perCallback) expect(seen.filter((batch) => appends.includes(batch))).toEqual(appends);
    // Three appenders in flight: the first three callbacks start before any finishes.
    expect(seen.slice(0, 3)).toEqual([perCallback[0]?.[0], perCallback[1]?.[0], perCallback[2]?.[0]]);
  });

  it('orders the raw baselines round by round, as lock-stepped appenders would', () => {
    const perCallback = callbackAppends({ callbacks: 3, agents: 1 });
    const rounds = appendRounds(perCallback, 2);
    expect(rounds.map((round) => round.length)).toEqual([2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1]);
    expect(rounds[0]).toEqual([perCallback[0]?.[0], perCallback[1]?.[0]]);
  });
});
