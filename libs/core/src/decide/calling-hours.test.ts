import { exampleQueueConfig } from '@icc/protocol';
import { IANAZone } from 'luxon';
import { callingHoursOf, DEFAULT_CALLING_HOURS, dialsAutomatically, isWithinCallingHours, nextCallingInstant } from './calling-hours';

const at = Date.parse;
const iso = (instant: number) => new Date(instant).toISOString();
const DEFAULT = DEFAULT_CALLING_HOURS;

describe('callingHoursOf', () => {
  it("is the queue's own hours, else 08:00–21:00 (47 CFR § 64.1200(c)(1))", () => {
    expect(callingHoursOf(exampleQueueConfig({ callingHours: { start: '09:30', end: '18:00' } }))).toEqual({ start: '09:30', end: '18:00' });
    expect(callingHoursOf(exampleQueueConfig())).toEqual({ start: '08:00', end: '21:00' });
    expect(callingHoursOf(undefined)).toEqual({ start: '08:00', end: '21:00' });
  });
});

describe('dialsAutomatically', () => {
  it('is true for customer-first callbacks and for agent-first ones of an auto-dial queue', () => {
    const manual = exampleQueueConfig({ dialMethod: { type: 'manual' } });
    const auto = exampleQueueConfig({ dialMethod: { type: 'auto', countdownSeconds: 10 } });
    expect(dialsAutomatically(manual, 'customer-first')).toBe(true);
    expect(dialsAutomatically(auto, 'customer-first')).toBe(true);
    expect(dialsAutomatically(auto, 'agent-first')).toBe(true);
    expect(dialsAutomatically(manual, 'agent-first')).toBe(false);
  });
});

describe('isWithinCallingHours', () => {
  it.each([
    ['07:59:59.999 in Los Angeles', '2026-03-10T14:59:59.999Z', 'America/Los_Angeles', false],
    ['08:00 in Los Angeles', '2026-03-10T15:00:00Z', 'America/Los_Angeles', true],
    ['20:59:59.999 in Paris', '2026-03-10T19:59:59.999Z', 'Europe/Paris', true],
    ['21:00 in Paris', '2026-03-10T20:00:00Z', 'Europe/Paris', false],
    ['midnight in Paris', '2026-03-10T23:00:00Z', 'Europe/Paris', false],
  ])('%s: %s', (_why, instant, zone, expected) => {
    expect(isWithinCallingHours(DEFAULT, zone, at(instant))).toBe(expected);
  });

  it("follows New York's clock across the spring-forward Sunday (8 March 2026)", () => {
    expect(isWithinCallingHours(DEFAULT, 'America/New_York', at('2026-03-07T13:00:00Z'))).toBe(true); // Sat 08:00 EST
    expect(isWithinCallingHours(DEFAULT, 'America/New_York', at('2026-03-08T01:59:59Z'))).toBe(true); // Sat 20:59:59 EST
    expect(isWithinCallingHours(DEFAULT, 'America/New_York', at('2026-03-08T02:00:00Z'))).toBe(false); // Sat 21:00 EST
    expect(isWithinCallingHours(DEFAULT, 'America/New_York', at('2026-03-08T11:59:59Z'))).toBe(false); // Sun 07:59:59 EDT
    expect(isWithinCallingHours(DEFAULT, 'America/New_York', at('2026-03-08T12:00:00Z'))).toBe(true); // Sun 08:00 EDT
    expect(isWithinCallingHours(DEFAULT, 'America/New_York', at('2026-03-09T00:59:59Z'))).toBe(true); // Sun 20:59:59 EDT
    expect(isWithinCallingHours(DEFAULT, 'America/New_York', at('2026-03-09T01:00:00Z'))).toBe(false); // Sun 21:00 EDT
  });

  it("follows Paris's clock across the fall-back Sunday (25 October 2026)", () => {
    expect(isWithinCallingHours(DEFAULT, 'Europe/Paris', at('2026-10-24T05:59:59Z'))).toBe(false); // Sat 07:59:59 CEST
    expect(isWithinCallingHours(DEFAULT, 'Europe/Paris', at('2026-10-24T06:00:00Z'))).toBe(true); // Sat 08:00 CEST
    expect(isWithinCallingHours(DEFAULT, 'Europe/Paris', at('2026-10-25T06:59:59Z'))).toBe(false); // Sun 07:59:59 CET
    expect(isWithinCallingHours(DEFAULT, 'Europe/Paris', at('2026-10-25T07:00:00Z'))).toBe(true); // Sun 08:00 CET
    expect(isWithinCallingHours(DEFAULT, 'Europe/Paris', at('2026-10-25T19:59:59Z'))).toBe(true); // Sun 20:59:59 CET
    expect(isWithinCallingHours(DEFAULT, 'Europe/Paris', at('2026-10-25T20:00:00Z'))).toBe(false); // Sun 21:00 CET
  });
});

describe('nextCallingInstant', () => {
  it('is the instant itself inside calling hours', () => {
    expect(nextCallingInstant(DEFAULT, 'Europe/Paris', at('2026-03-10T10:00:00Z'))).toBe(at('2026-03-10T10:00:00Z'));
    expect(nextCallingInstant(DEFAULT, 'Europe/Paris', at('2026-03-10T07:00:00Z'))).toBe(at('2026-03-10T07:00:00Z')); // 08:00 CET exactly
  });

  it("is today's opening before it, tomorrow's from the close on", () => {
    expect(iso(nextCallingInstant(DEFAULT, 'Europe/Paris', at('2026-03-10T05:00:00Z')))).toBe('2026-03-10T07:00:00.000Z'); // 06:00 CET
    expect(iso(nextCallingInstant(DEFAULT, 'Europe/Paris', at('2026-03-10T20:00:00Z')))).toBe('2026-03-11T07:00:00.000Z'); // 21:00 CET
    expect(iso(nextCallingInstant(DEFAULT, 'Europe/Paris', at('2026-03-10T22:59:59Z')))).toBe('2026-03-11T07:00:00.000Z'); // 23:59:59 CET
    expect(iso(nextCallingInstant(DEFAULT, 'Europe/Paris', at('2026-03-10T23:00:00Z')))).toBe('2026-03-11T07:00:00.000Z'); // 00:00 CET
  });

  it('opens at 08:00 summer time the morning after the clocks went forward (New York and Paris)', () => {
    // Sat 21:30 EST → Sun 08:00 EDT: 10.5 hours later, not 11.5.
    expect(iso(nextCallingInstant(DEFAULT, 'America/New_York', at('2026-03-08T02:30:00Z')))).toBe('2026-03-08T12:00:00.000Z');
    // Sat 21:00 CET → Sun 08:00 CEST.
    expect(iso(nextCallingInstant(DEFAULT, 'Europe/Paris', at('2026-03-28T20:00:00Z')))).toBe('2026-03-29T06:00:00.000Z');
  });

  it('opens at 08:00 winter time the morning after the clocks went back (New York and Paris)', () => {
    // The first 01:30 EDT of 1 November → 08:00 EST.
    expect(iso(nextCallingInstant(DEFAULT, 'America/New_York', at('2026-11-01T05:30:00Z')))).toBe('2026-11-01T13:00:00.000Z');
    // Sun 21:00 CET, the day the clocks went back → Mon 08:00 CET.
    expect(iso(nextCallingInstant(DEFAULT, 'Europe/Paris', at('2026-10-25T20:00:00Z')))).toBe('2026-10-26T07:00:00.000Z');
    // Sat 21:00 CEST → Sun 08:00 CET.
    expect(iso(nextCallingInstant(DEFAULT, 'Europe/Paris', at('2026-10-24T19:00:00Z')))).toBe('2026-10-25T07:00:00.000Z');
  });

  it('opens when the clocks jump if the start falls in the skipped hour', () => {
    const hours = { start: '02:30', end: '10:00' };
    expect(iso(nextCallingInstant(hours, 'America/New_York', at('2026-03-08T06:00:00Z')))).toBe('2026-03-08T07:00:00.000Z'); // 01:00 EST → 03:00 EDT
    expect(isWithinCallingHours(hours, 'America/New_York', at('2026-03-08T06:59:59Z'))).toBe(false); // 01:59:59 EST
    expect(isWithinCallingHours(hours, 'Europe/Paris', at('2026-03-29T01:00:00Z'))).toBe(true); // 03:00 CEST
  });

  it('takes the next day when the whole window falls in the skipped hour', () => {
    expect(iso(nextCallingInstant({ start: '02:10', end: '02:50' }, 'America/New_York', at('2026-03-08T06:00:00Z')))).toBe('2026-03-09T06:10:00.000Z');
  });

  it('ends at the first time the clock shows the end, even in a repeated hour', () => {
    const hours = { start: '01:00', end: '01:30' };
    expect(isWithinCallingHours(hours, 'America/New_York', at('2026-11-01T05:29:59Z'))).toBe(true); // first 01:29:59 EDT
    expect(isWithinCallingHours(hours, 'America/New_York', at('2026-11-01T06:15:00Z'))).toBe(false); // second 01:15 EST
    expect(iso(nextCallingInstant(hours, 'America/New_York', at('2026-11-01T06:15:00Z')))).toBe('2026-11-02T06:00:00.000Z');
  });

  it('is always inside 00:00–24:00, at midnight and through both clock changes', () => {
    const aroundTheClock = { start: '00:00', end: '24:00' };
    for (const instant of ['2026-03-08T05:00:00Z', '2026-03-08T06:59:59.999Z', '2026-03-08T07:00:00Z', '2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z', '2026-11-01T04:00:00Z']) {
      expect(nextCallingInstant(aroundTheClock, 'America/New_York', at(instant))).toBe(at(instant));
    }
    expect(isWithinCallingHours(aroundTheClock, 'Europe/Paris', at('2026-10-24T22:00:00Z'))).toBe(true); // Sun 00:00 CEST
    expect(isWithinCallingHours({ start: '08:00', end: '24:00' }, 'Europe/Paris', at('2026-10-25T22:59:59Z'))).toBe(true); // Sun 23:59:59 CET
    expect(isWithinCallingHours({ start: '08:00', end: '24:00' }, 'Europe/Paris', at('2026-10-25T23:00:00Z'))).toBe(false); // Mon 00:00 CET
  });

  it('looks no time zone up for hours around the clock, and does for any other', () => {
    const lookups = jest.spyOn(IANAZone, 'create');
    expect(nextCallingInstant({ start: '00:00', end: '24:00' }, 'Europe/Paris', 5)).toBe(5);
    expect(lookups).not.toHaveBeenCalled();
    expect(nextCallingInstant({ start: '00:00', end: '23:59' }, 'Europe/Paris', at('2026-03-10T10:00:00Z'))).toBe(at('2026-03-10T10:00:00Z'));
    expect(lookups).toHaveBeenCalled();
    lookups.mockRestore();
  });

  it('refuses hours that end before they start and an unknown zone', () => {
    expect(() => nextCallingInstant({ start: '21:00', end: '08:00' }, 'Europe/Paris', 0)).toThrow(
      expect.objectContaining({ code: 'validation_failed', message: 'Calling hours must end after they start (21:00–08:00)' }),
    );
    expect(() => nextCallingInstant({ start: '08:00', end: '08:00' }, 'Europe/Paris', 0)).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    expect(() => isWithinCallingHours(DEFAULT, 'Mars/Olympus', 0)).toThrow(expect.objectContaining({ code: 'validation_failed' }));
  });
});
