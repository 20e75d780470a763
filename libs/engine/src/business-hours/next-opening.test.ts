import fc from 'fast-check';
import { BusinessHours } from '@icc/protocol';
import { isOpen } from './is-open';
import { nextOpening } from './next-opening';

const at = Date.parse;
const weekdays = (timeZone: string, closedDates: string[] = []) =>
  BusinessHours.parse({ timeZone, weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '17:00' })), closedDates });

describe('nextOpening', () => {
  it('is the instant itself while open', () => {
    const instant = at('2026-03-09T15:00:00Z');
    expect(nextOpening(weekdays('America/New_York'), instant)).toBe(instant);
  });

  it('crosses the spring-forward weekend in New York and in Paris', () => {
    expect(nextOpening(weekdays('America/New_York'), at('2026-03-06T22:00:00Z'))).toBe(at('2026-03-09T13:00:00Z'));
    expect(nextOpening(weekdays('Europe/Paris'), at('2026-03-27T16:00:00Z'))).toBe(at('2026-03-30T07:00:00Z'));
    // Between the two changes each zone keeps its own offset.
    expect(nextOpening(weekdays('Europe/Paris'), at('2026-03-06T22:00:00Z'))).toBe(at('2026-03-09T08:00:00Z'));
  });

  it('crosses the fall-back weekend in New York and in Paris', () => {
    expect(nextOpening(weekdays('America/New_York'), at('2026-10-30T21:00:00Z'))).toBe(at('2026-11-02T14:00:00Z'));
    expect(nextOpening(weekdays('Europe/Paris'), at('2026-10-23T15:00:00Z'))).toBe(at('2026-10-26T08:00:00Z'));
  });

  it('opens when the clocks jump if the opening time is skipped', () => {
    const newYork = BusinessHours.parse({ timeZone: 'America/New_York', weekly: [{ weekday: 7, open: '02:30', close: '10:00' }] });
    expect(nextOpening(newYork, at('2026-03-08T05:00:00Z'))).toBe(at('2026-03-08T07:00:00Z'));
    expect(nextOpening(newYork, at('2026-03-01T05:00:00Z'))).toBe(at('2026-03-01T07:30:00Z'));
    const paris = BusinessHours.parse({ timeZone: 'Europe/Paris', weekly: [{ weekday: 7, open: '02:30', close: '10:00' }] });
    expect(nextOpening(paris, at('2026-03-28T23:00:00Z'))).toBe(at('2026-03-29T01:00:00Z'));
  });

  it('opens at the first occurrence of a repeated opening time', () => {
    const paris = BusinessHours.parse({ timeZone: 'Europe/Paris', weekly: [{ weekday: 7, open: '02:30', close: '04:00' }] });
    expect(nextOpening(paris, at('2026-10-24T22:00:00Z'))).toBe(at('2026-10-25T00:30:00Z'));
  });

  it('skips closed dates, consecutive ones included', () => {
    const hours = weekdays('America/New_York', ['2026-12-25', '2026-12-28']);
    expect(nextOpening(hours, at('2026-12-24T22:00:00Z'))).toBe(at('2026-12-29T14:00:00Z'));
  });

  it('moves to the next open midnight when an always-open queue is closed for the day', () => {
    const hours = BusinessHours.parse({ timeZone: 'Europe/Paris', closedDates: ['2026-12-25', '2026-12-26'] });
    expect(nextOpening(hours, at('2026-12-25T10:00:00Z'))).toBe(at('2026-12-26T23:00:00Z'));
    expect(nextOpening(hours, at('2026-12-24T10:00:00Z'))).toBe(at('2026-12-24T10:00:00Z'));
  });

  it('finds the afternoon range during a lunch break', () => {
    const hours = BusinessHours.parse({
      timeZone: 'Europe/Paris',
      weekly: [
        { weekday: 3, open: '13:00', close: '17:00' },
        { weekday: 3, open: '09:00', close: '12:00' },
      ],
    });
    expect(nextOpening(hours, at('2026-06-10T10:30:00Z'))).toBe(at('2026-06-10T11:00:00Z'));
    expect(nextOpening(hours, at('2026-06-10T05:00:00Z'))).toBe(at('2026-06-10T07:00:00Z'));
  });

  it('is undefined when the hours never open', () => {
    // Only reachable past schema validation, which rejects empty ranges.
    const never: BusinessHours = { timeZone: 'Europe/Paris', weekly: [{ weekday: 1, open: '09:00', close: '09:00' }], closedDates: [] };
    expect(nextOpening(never, at('2026-06-10T10:30:00Z'))).toBeUndefined();
  });

  it('returns an open instant with no open instant before it', () => {
    const clockTime = fc.integer({ min: 0, max: 47 }).map((half) => `${String(Math.floor(half / 2)).padStart(2, '0')}:${half % 2 ? '30' : '00'}`);
    const range = fc
      .record({ weekday: fc.integer({ min: 1, max: 7 }), open: clockTime, close: clockTime })
      .filter((candidate) => candidate.open < candidate.close);
    const hours = fc.record({
      timeZone: fc.constantFrom('America/New_York', 'Europe/Paris'),
      weekly: fc.array(range, { maxLength: 4 }),
      closedDates: fc.array(fc.constantFrom('2026-03-08', '2026-03-29', '2026-10-25', '2026-11-01', '2026-11-02'), { maxLength: 3 }),
    });
    const nearChange = (change: string) => fc.integer({ min: at(change) - 3 * 86_400_000, max: at(change) + 86_400_000 });
    const instant = fc.oneof(
      fc.integer({ min: at('2026-02-20T00:00:00Z'), max: at('2026-11-10T00:00:00Z') }),
      ...['2026-03-08T07:00:00Z', '2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-11-01T06:00:00Z'].map(nearChange),
    );
    fc.assert(
      fc.property(hours, instant, (businessHours, from) => {
        const opening = nextOpening(businessHours, from);
        expect(opening).toBeDefined();
        if (opening === undefined) return;
        expect(opening).toBeGreaterThanOrEqual(from);
        expect(isOpen(businessHours, opening)).toBe(true);
        if (opening > from) expect(isOpen(businessHours, opening - 1)).toBe(false);
        if (opening > from) expect(isOpen(businessHours, from)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
