import fc from 'fast-check';
import { createAgentPool } from './agent-pool';

describe('createAgentPool', () => {
  it('picks the longest idle agent of the queue, ties by agent id', () => {
    const pool = createAgentPool();
    pool.markAvailable('carol', ['billing'], 300);
    pool.markAvailable('bob', ['billing', 'sales'], 100);
    pool.markAvailable('alice', ['billing'], 100);
    pool.markAvailable('dave', ['sales'], 50);

    expect(pool.pickAgent('billing')).toBe('alice');
    expect(pool.pickAgent('sales')).toBe('dave');
    expect(pool.availableAgents('billing')).toEqual(['alice', 'bob', 'carol']);
    expect(pool.availableCount('billing')).toBe(3);
    expect(pool.pickAgent('support')).toBeUndefined();
    expect(pool.availableCount('support')).toBe(0);
  });

  it('passes over skipped agents, and falls back to the longest idle when all are skipped', () => {
    const pool = createAgentPool();
    pool.markAvailable('alice', ['billing'], 100);
    pool.markAvailable('bob', ['billing'], 200);
    pool.markAvailable('carol', ['billing'], 300);

    expect(pool.pickAgent('billing', new Set(['alice']))).toBe('bob');
    expect(pool.pickAgent('billing', new Set(['alice', 'bob']))).toBe('carol');
    expect(pool.pickAgent('billing', new Set(['alice', 'bob', 'carol']))).toBe('alice');
    expect(pool.pickAgent('billing', new Set(['zoe']))).toBe('alice');
  });

  it('removes an unavailable agent from every queue', () => {
    const pool = createAgentPool();
    pool.markAvailable('bob', ['billing', 'sales'], 100);
    pool.markAvailable('alice', ['sales'], 200);

    expect(pool.markUnavailable('bob')).toBe(true);
    expect(pool.markUnavailable('bob')).toBe(false);
    expect(pool.isAvailable('bob')).toBe(false);
    expect(pool.pickAgent('billing')).toBeUndefined();
    expect(pool.pickAgent('sales')).toBe('alice');
  });

  it('replaces queues and idle time when an agent is marked available again', () => {
    const pool = createAgentPool();
    pool.markAvailable('bob', ['billing'], 100);
    pool.markAvailable('alice', ['billing', 'sales'], 200);
    pool.markAvailable('bob', ['sales'], 500);

    expect(pool.availableAgents('billing')).toEqual(['alice']);
    expect(pool.availableAgents('sales')).toEqual(['alice', 'bob']);
    expect(pool.get('bob')).toEqual({ agentId: 'bob', queueIds: ['sales'], availableSince: 500 });
  });

  it('never picks an unavailable agent and always picks the longest idle eligible one', () => {
    const queueIds = ['q0', 'q1', 'q2'];
    const operation = fc.oneof(
      fc.record({
        type: fc.constant('available' as const),
        agent: fc.integer({ min: 0, max: 15 }),
        queues: fc.subarray(queueIds),
        since: fc.integer({ min: 0, max: 20 }),
      }),
      fc.record({ type: fc.constant('unavailable' as const), agent: fc.integer({ min: 0, max: 15 }) }),
      fc.record({
        type: fc.constant('pick' as const),
        queue: fc.constantFrom(...queueIds),
        skip: fc.uniqueArray(fc.integer({ min: 0, max: 15 }), { maxLength: 8, size: 'max' }),
      }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 150, size: 'max' }), (operations) => {
        const pool = createAgentPool();
        const model = new Map<string, { queues: string[]; since: number }>();
        const longestIdle = (ids: string[]) =>
          [...ids].sort((a, b) => {
            const sinceA = model.get(a)?.since ?? 0;
            const sinceB = model.get(b)?.since ?? 0;
            return sinceA - sinceB || (a < b ? -1 : a > b ? 1 : 0);
          })[0];
        for (const operation of operations) {
          if (operation.type === 'available') {
            pool.markAvailable(`a${operation.agent}`, operation.queues, operation.since);
            model.set(`a${operation.agent}`, { queues: operation.queues, since: operation.since });
          } else if (operation.type === 'unavailable') {
            pool.markUnavailable(`a${operation.agent}`);
            model.delete(`a${operation.agent}`);
          } else {
            const skip = new Set(operation.skip.map((agent) => `a${agent}`));
            const eligible = [...model.keys()].filter((id) => model.get(id)?.queues.includes(operation.queue));
            const unskipped = eligible.filter((id) => !skip.has(id));
            const picked = pool.pickAgent(operation.queue, skip);
            expect(picked).toBe(longestIdle(unskipped.length > 0 ? unskipped : eligible));
            if (picked !== undefined) expect(model.has(picked)).toBe(true);
            expect(pool.availableCount(operation.queue)).toBe(eligible.length);
          }
        }
      }),
    );
  });
});
