import { autoCloseAfterCall, offerExpiresAt, offerTimeoutMs } from './queue-timing';

const NOW = Date.parse('2026-03-10T14:00:00Z');

describe('queue timing', () => {
  it("times an offer by the queue's offer timeout, 30 s without a queue", () => {
    expect(offerTimeoutMs({ offerTimeoutSeconds: 20 })).toBe(20_000);
    expect(offerExpiresAt({ offerTimeoutSeconds: 20 }, NOW)).toBe('2026-03-10T14:00:20.000Z');
    expect(offerExpiresAt(undefined, NOW)).toBe('2026-03-10T14:00:30.000Z');
  });

  it('closes wrap-up by itself only on auto-dial queues with an auto-close time', () => {
    const auto = { dialMethod: { type: 'auto' as const, countdownSeconds: 10 }, autoCloseSeconds: 60 };
    expect(autoCloseAfterCall(auto, NOW)).toEqual({ autoCloseAt: '2026-03-10T14:01:00.000Z' });
    expect(autoCloseAfterCall({ ...auto, autoCloseSeconds: 0 }, NOW)).toEqual({});
    expect(autoCloseAfterCall({ dialMethod: { type: 'manual' }, autoCloseSeconds: 60 }, NOW)).toEqual({});
    expect(autoCloseAfterCall(undefined, NOW)).toEqual({});
  });
});
