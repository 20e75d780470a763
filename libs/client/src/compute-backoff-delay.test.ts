import { computeBackoffDelay, DEFAULT_BACKOFF_POLICY } from './compute-backoff-delay';

describe('computeBackoffDelay', () => {
  it('doubles from initialDelayMs and stops at maxDelayMs', () => {
    const ceilings = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => computeBackoffDelay(attempt, DEFAULT_BACKOFF_POLICY, () => 1));
    expect(ceilings).toEqual([250, 500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });

  it('keeps every jittered delay between half the ceiling and the ceiling', () => {
    for (const random of [0, 0.25, 0.5, 0.999]) {
      const delayMs = computeBackoffDelay(3, { initialDelayMs: 100, maxDelayMs: 10_000 }, () => random);
      expect(delayMs).toBeGreaterThanOrEqual(400);
      expect(delayMs).toBeLessThanOrEqual(800);
    }
    expect(computeBackoffDelay(3, { initialDelayMs: 100, maxDelayMs: 10_000 }, () => 0.5)).toBe(600);
  });
});
