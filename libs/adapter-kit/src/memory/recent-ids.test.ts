import { createRecentIds } from './recent-ids';

describe('createRecentIds', () => {
  it('sees an id once, forgets the oldest beyond its capacity, and forgets on request', () => {
    const ids = createRecentIds(2);
    expect([ids.firstSighting('a'), ids.firstSighting('a'), ids.firstSighting('b')]).toEqual([true, false, true]);
    ids.firstSighting('c');
    expect(ids.firstSighting('a')).toBe(true);
    ids.forget('c');
    expect(ids.firstSighting('c')).toBe(true);
  });

  it('remembers ids it is given, within the same capacity', () => {
    const ids = createRecentIds(2);
    ids.remember('a');
    ids.remember('b');
    expect([ids.has('a'), ids.has('b'), ids.firstSighting('b')]).toEqual([true, true, false]);
    ids.remember('c');
    expect([ids.has('a'), ids.has('c')]).toEqual([false, true]);
  });
});
