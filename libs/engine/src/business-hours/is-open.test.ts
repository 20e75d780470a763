import fc from 'fast-check';
import { BusinessHours } from '@icc/protocol';
import { IANAZone } from 'luxon';
import { isOpen } from './is-open';

const at = Date.parse;
const weekdays = (timeZone: string, open = '09:00', close = '17:00', closedDates: string[] = []) =>
  BusinessHours.parse({ timeZone, weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open, close })), closedDates });
const sundays = (timeZone: string, open: string, close: string) => BusinessHours.parse({ timeZone, weekly: [{ weekday: 7, open, close }] });

describe('isOpen', () => {
  it('follows the local clock in winter and summer time (New York)', () => {
    const hours = weekdays('America/New_York');
    expect(isOpen(hours, at('2026-03-06T13:59:59Z'))).toBe(false); // Fri 08:59 EST
    expect(isOpen(hours, at('2026-03-06T14:00:00Z'))).toBe(true); // Fri 09:00 EST
    expect(isOpen(hours, at('2026-03-09T12:59:59Z'))).toBe(false); // Mon 08:59 EDT
    expect(isOpen(hours, at('2026-03-09T13:00:00Z'))).toBe(true); // Mon 09:00 EDT
    expect(isOpen(hours, at('2026-03-09T21:00:00Z'))).toBe(false); // Mon 17:00 EDT
    expect(isOpen(hours, at('2026-11-02T13:30:00Z'))).toBe(false); // Mon 08:30 EST again
    expect(isOpen(hours, at('2026-11-02T14:00:00Z'))).toBe(true);
  });

  it('follows the local clock in Paris, which changes on other dates', () => {
    const hours = weekdays('Europe/Paris');
    expect(isOpen(hours, at('2026-03-09T08:00:00Z'))).toBe(true); // Mon 09:00 CET while New York is on EDT
    expect(isOpen(hours, at('2026-03-27T15:59:59Z'))).toBe(true); // Fri 16:59 CET
    expect(isOpen(hours, at('2026-03-30T06:59:59Z'))).toBe(false); // Mon 08:59 CEST
    expect(isOpen(hours, at('2026-03-30T07:00:00Z'))).toBe(true); // Mon 09:00 CEST
    expect(isOpen(hours, at('2026-10-26T07:30:00Z'))).toBe(false); // Mon 08:30 CET
    expect(isOpen(hours, at('2026-10-26T08:00:00Z'))).toBe(true);
  });

  it('opens at the jump when the opening time falls in the skipped hour', () => {
    const newYork = sundays('America/New_York', '02:30', '10:00');
    expect(isOpen(newYork, at('2026-03-08T06:59:59Z'))).toBe(false); // 01:59:59 EST
    expect(isOpen(newYork, at('2026-03-08T07:00:00Z'))).toBe(true); // 03:00 EDT
    expect(isOpen(newYork, at('2026-03-01T07:15:00Z'))).toBe(false); // an ordinary Sunday, 02:15 EST
    expect(isOpen(newYork, at('2026-03-01T07:30:00Z'))).toBe(true);

    const paris = sundays('Europe/Paris', '02:30', '10:00');
    expect(isOpen(paris, at('2026-03-29T00:59:59Z'))).toBe(false); // 01:59:59 CET
    expect(isOpen(paris, at('2026-03-29T01:00:00Z'))).toBe(true); // 03:00 CEST
  });

  it('stays open through the repeated hour of a fall-back night', () => {
    const newYork = sundays('America/New_York', '01:30', '05:00');
    expect(isOpen(newYork, at('2026-11-01T05:30:00Z'))).toBe(true); // first 01:30 EDT
    expect(isOpen(newYork, at('2026-11-01T06:15:00Z'))).toBe(true); // second 01:15 EST
    expect(isOpen(newYork, at('2026-11-01T09:59:59Z'))).toBe(true); // 04:59:59 EST
    expect(isOpen(newYork, at('2026-11-01T10:00:00Z'))).toBe(false);

    const paris = sundays('Europe/Paris', '00:00', '02:30');
    expect(isOpen(paris, at('2026-10-25T00:29:59Z'))).toBe(true); // first 02:29:59 CEST
    expect(isOpen(paris, at('2026-10-25T01:15:00Z'))).toBe(false); // second 02:15 CET: closed since the first 02:30
  });

  it('is closed all day on a closed date, judged by the local date', () => {
    const hours = weekdays('America/New_York', '09:00', '17:00', ['2026-12-25']);
    expect(isOpen(hours, at('2026-12-25T15:00:00Z'))).toBe(false);
    expect(isOpen(hours, at('2026-12-24T15:00:00Z'))).toBe(true);

    const alwaysOpen = BusinessHours.parse({ timeZone: 'America/New_York', closedDates: ['2026-12-25'] });
    expect(isOpen(alwaysOpen, at('2026-12-25T03:00:00Z'))).toBe(true); // still Dec 24, 22:00 in New York
    expect(isOpen(alwaysOpen, at('2026-12-25T05:00:00Z'))).toBe(false);
    expect(isOpen(alwaysOpen, at('2026-12-26T05:00:00Z'))).toBe(true);
  });

  it('is always open without weekly ranges', () => {
    const hours = BusinessHours.parse({ timeZone: 'Europe/Paris' });
    for (const instant of ['2026-03-29T01:00:00Z', '2026-10-25T01:30:00Z', '2026-06-14T23:59:59Z']) {
      expect(isOpen(hours, at(instant))).toBe(true);
    }
  });

  it('honours several ranges in a day', () => {
    const hours = BusinessHours.parse({
      timeZone: 'Europe/Paris',
      weekly: [
        { weekday: 3, open: '09:00', close: '12:00' },
        { weekday: 3, open: '13:00', close: '17:00' },
      ],
    });
    expect(isOpen(hours, at('2026-06-10T09:59:00Z'))).toBe(true); // Wed 11:59 CEST
    expect(isOpen(hours, at('2026-06-10T10:30:00Z'))).toBe(false); // lunch
    expect(isOpen(hours, at('2026-06-10T11:00:00Z'))).toBe(true);
    expect(isOpen(hours, at('2026-06-11T09:00:00Z'))).toBe(false); // Thursday
  });
});

describe('isOpen, asked again and again about the same hours', () => {
  it('looks the time zone up once per local day, not on every question (the cost routing pays per request)', () => {
    const hours = weekdays('Europe/Paris');
    const lookups = jest.spyOn(IANAZone, 'create');
    expect(isOpen(hours, at('2026-06-10T07:00:00Z'))).toBe(true);
    expect(isOpen(hours, at('2026-06-10T15:00:00Z'))).toBe(false);
    expect(isOpen(hours, at('2026-06-10T21:59:59Z'))).toBe(false);
    expect(lookups).toHaveBeenCalledTimes(1);
    expect(isOpen(hours, at('2026-06-10T22:00:00Z'))).toBe(false); // Thursday 00:00 CEST: the next day
    expect(lookups).toHaveBeenCalledTimes(2);
    lookups.mockRestore();
  });

  it('looks the new day up at exactly local midnight instead of reusing the day before', () => {
    const mondayNight = BusinessHours.parse({ timeZone: 'Europe/Paris', weekly: [{ weekday: 1, open: '00:00', close: '01:00' }] });
    expect(isOpen(mondayNight, at('2026-06-14T21:59:59.999Z'))).toBe(false); // Sun 23:59:59.999 CEST
    expect(isOpen(mondayNight, at('2026-06-14T22:00:00Z'))).toBe(true); // Mon 00:00 CEST
    expect(isOpen(mondayNight, at('2026-06-14T21:59:59.999Z'))).toBe(false); // and back: Sunday again
  });


  const zones = ['America/New_York', 'Europe/Paris', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Santiago'];
  const hoursArbitrary = fc.record({
    timeZone: fc.constantFrom(...zones),
    weekly: fc.array(
      fc
        .record({ weekday: fc.integer({ min: 1, max: 7 }), open: fc.integer({ min: 0, max: 46 }), close: fc.integer({ min: 1, max: 47 }) })
        .filter((range) => range.open < range.close)
        .map((range) => ({ weekday: range.weekday, open: halfHour(range.open), close: halfHour(range.close) })),
      { maxLength: 6 },
    ),
    closedDates: fc.array(fc.integer({ min: 0, max: 60 }).map((day) => new Date(Date.UTC(2026, 2, 1) + day * 86_400_000).toISOString().slice(0, 10)), { maxLength: 3 }),
  });

  // Clocks that change at or around local midnight (offsets from the zone data luxon reads):
  // Santiago 24:00 -> 23:00 on 4 April and 24:00 -> 01:00 on 6 September 2026, Havana 01:00 -> 00:00
  // on 1 November, Beirut 00:00 -> 01:00 on 29 March and 24:00 -> 23:00 on 24 October.
  it.each([
    ['America/Santiago', '2026-04-04T00:00:00Z'],
    ['America/Santiago', '2026-09-05T00:00:00Z'],
    ['America/Havana', '2026-10-31T00:00:00Z'],
    ['Asia/Beirut', '2026-03-28T00:00:00Z'],
    ['Asia/Beirut', '2026-10-24T00:00:00Z'],
  ])('answers exactly as a fresh lookup where %s changes its clocks around midnight (%s)', (timeZone, from) => {
    const aroundMidnight = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
      { weekday, open: '00:00', close: '00:30' },
      { weekday, open: '01:00', close: '01:30' },
      { weekday, open: '23:00', close: '23:30' },
    ]);
    const hours = BusinessHours.parse({ timeZone, weekly: aroundMidnight });
    const steps = Array.from({ length: (3 * 24 * 60) / 10 }, (_, index) => at(from) + index * 10 * 60_000);
    const answers = (instants: number[]) => instants.map((instant) => [new Date(instant).toISOString(), isOpen(hours, instant)]);
    const fresh = (instants: number[]) => instants.map((instant) => [new Date(instant).toISOString(), isOpen(structuredClone(hours), instant)]);
    expect(answers(steps)).toEqual(fresh(steps));
    const backwards = [...steps].reverse();
    expect(answers(backwards)).toEqual(fresh(backwards));
  });

  it('answers exactly as a fresh lookup, across days and clock changes', () => {
    fc.assert(
      fc.property(hoursArbitrary, fc.array(fc.integer({ min: Date.UTC(2026, 2, 1), max: Date.UTC(2026, 3, 30) }), { minLength: 1, maxLength: 40 }), (input, instants) => {
        const hours = BusinessHours.parse(input);
        // Walk forward (as routing does) and jump around (as timers do).
        for (const instant of [...[...instants].sort((a, b) => a - b), ...instants]) {
          expect(isOpen(hours, instant)).toBe(isOpen(structuredClone(hours), instant));
        }
      }),
      { numRuns: 300 },
    );
  });
});

function halfHour(index: number): string {
  return `${String(Math.floor(index / 2)).padStart(2, '0')}:${index % 2 ? '30' : '00'}`;
}
