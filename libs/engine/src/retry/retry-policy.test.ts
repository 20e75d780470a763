import { nextRetry } from './retry-policy';

const policy = { maxAttempts: 3, minIntervalSeconds: 300 };
const endedAt = Date.parse('2026-03-02T10:00:00Z');

describe('nextRetry', () => {
  it('retries after the minimum interval while attempts remain', () => {
    expect(nextRetry(policy, 1, endedAt)).toEqual({ kind: 'retry', at: endedAt + 300_000 });
    expect(nextRetry(policy, 2, endedAt)).toEqual({ kind: 'retry', at: endedAt + 300_000 });
  });

  it('is exhausted once max attempts were made', () => {
    expect(nextRetry(policy, 3, endedAt)).toEqual({ kind: 'exhausted' });
    expect(nextRetry(policy, 7, endedAt)).toEqual({ kind: 'exhausted' });
    expect(nextRetry({ maxAttempts: 1, minIntervalSeconds: 0 }, 1, endedAt)).toEqual({ kind: 'exhausted' });
  });

  it('retries immediately with a zero interval', () => {
    expect(nextRetry({ maxAttempts: 2, minIntervalSeconds: 0 }, 1, endedAt)).toEqual({ kind: 'retry', at: endedAt });
  });

  it('never schedules a retry on or past the expire time', () => {
    expect(nextRetry(policy, 1, endedAt, endedAt + 300_001)).toEqual({ kind: 'retry', at: endedAt + 300_000 });
    expect(nextRetry(policy, 1, endedAt, endedAt + 300_000)).toEqual({ kind: 'expired' });
    expect(nextRetry(policy, 1, endedAt, endedAt + 60_000)).toEqual({ kind: 'expired' });
  });

  it('reports exhaustion over expiry when both apply', () => {
    expect(nextRetry(policy, 3, endedAt, endedAt)).toEqual({ kind: 'exhausted' });
  });
});
