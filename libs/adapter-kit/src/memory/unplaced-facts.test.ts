import { createFakeClock } from '@icc/core';
import { createUnplacedFacts } from './unplaced-facts';

function factsWith(ours: (objectId: string) => boolean | Promise<boolean>) {
  const clock = createFakeClock('2026-03-10T14:00:00Z');
  const asked: Array<{ objectId: string; facts: string[] }> = [];
  const work: Array<Promise<unknown>> = [];
  const facts = createUnplacedFacts<string>({
    clock,
    waitMs: 5_000,
    capacity: 2,
    resolve: async (objectId, parked) => {
      asked.push({ objectId, facts: parked });
      return ours(objectId);
    },
    track: (promise) => work.push(promise),
  });
  const settled = () => Promise.all(work.splice(0));
  return { clock, facts, asked, settled };
}

describe('createUnplacedFacts', () => {
  it('hands the parked facts over once the object is placed, and asks the vendor nothing', async () => {
    const { clock, facts, asked } = factsWith(() => true);
    facts.park('contact-1', 'queued');
    facts.park('contact-1', 'offered');
    expect(facts.placed('contact-1')).toEqual(['queued', 'offered']);
    clock.advance(10_000);
    expect(asked).toEqual([]);
    expect(facts.placed('contact-1')).toEqual([]);
  });

  it('asks the vendor about an object nobody placed, waitMs after its last fact, with every fact parked', async () => {
    const { clock, facts, asked, settled } = factsWith(() => true);
    facts.park('contact-1', 'queued');
    clock.advance(4_000);
    facts.park('contact-1', 'offered');
    clock.advance(4_999);
    expect(asked).toEqual([]);
    clock.advance(1);
    await settled();
    expect(asked).toEqual([{ objectId: 'contact-1', facts: ['queued', 'offered'] }]);
  });

  it('remembers an object that is not ours, or cannot be read, and drops its further facts', async () => {
    const { clock, facts, asked, settled } = factsWith((objectId) => (objectId === 'contact-broken' ? Promise.reject(new Error('throttled')) : false));
    facts.park('contact-chat', 'queued');
    facts.park('contact-broken', 'queued');
    clock.advance(5_000);
    await settled();
    facts.park('contact-chat', 'completed');
    facts.park('contact-broken', 'completed');
    clock.advance(5_000);
    await settled();
    expect(asked.map((question) => question.objectId)).toEqual(['contact-chat', 'contact-broken']);
  });

  it('parks facts for at most `capacity` objects, dropping the oldest', () => {
    const { facts } = factsWith(() => true);
    for (const objectId of ['contact-1', 'contact-2', 'contact-3']) facts.park(objectId, 'queued');
    expect([facts.placed('contact-1'), facts.placed('contact-3')]).toEqual([[], ['queued']]);
  });
});
