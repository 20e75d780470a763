import { missedOffersBeforeNotResponding } from './adapter-registry';

describe('ICC_MISSED_OFFERS_BEFORE_NOT_RESPONDING', () => {
  it('defaults to 2 and reads a whole number from the environment', () => {
    expect(missedOffersBeforeNotResponding({})).toBe(2);
    expect(missedOffersBeforeNotResponding({ ICC_MISSED_OFFERS_BEFORE_NOT_RESPONDING: '1' })).toBe(1);
  });

  it('refuses anything but a whole number of at least 1, naming the variable', () => {
    for (const raw of ['0', '-1', '1.5', 'two']) {
      expect(() => missedOffersBeforeNotResponding({ ICC_MISSED_OFFERS_BEFORE_NOT_RESPONDING: raw })).toThrow(/ICC_MISSED_OFFERS_BEFORE_NOT_RESPONDING/);
    }
  });
});
