import { createTokenBucket } from './token-bucket';

describe('token bucket', () => {
  it('allows a burst of `capacity`, then refills at the rate', () => {
    const bucket = createTokenBucket({ capacity: 3, ratePerSecond: 2 }, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0)].every((decision) => decision.allowed)).toBe(true);
    expect(bucket.take(0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(bucket.take(499).allowed).toBe(false);
    expect(bucket.take(1000).allowed).toBe(true);
    expect(bucket.isFull(10_000)).toBe(true);
  });
});
