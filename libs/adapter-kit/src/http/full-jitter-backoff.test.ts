import fc from 'fast-check';
import { fullJitterDelay } from './full-jitter-backoff';

describe('fullJitterDelay', () => {
  it('doubles the ceiling per attempt up to maxDelayMs', () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999999 };
    expect([1, 2, 3, 4, 5, 6].map((attempt) => fullJitterDelay(attempt, policy))).toEqual([99, 199, 399, 799, 999, 999]);
  });

  it('stays within [0, ceiling) for any random draw', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, draw) => {
        const delay = fullJitterDelay(attempt, { baseDelayMs: 250, maxDelayMs: 20_000, random: () => draw });
        return delay >= 0 && delay < Math.max(1, Math.min(20_000, 250 * 2 ** (attempt - 1)));
      }),
    );
  });
});
