import { customerClock } from './calling-hours';

describe('customerClock', () => {
  it.each([
    // 2026-03-10 is a Tuesday; Los Angeles is UTC-7 (daylight time from March 8).
    ['14:59 UTC is 07:59 in Los Angeles: too early', '2026-03-10T14:59:00Z', 'America/Los_Angeles', '07:59', 'Tue', false],
    ['15:00 UTC is 08:00 in Los Angeles: the window opens', '2026-03-10T15:00:00Z', 'America/Los_Angeles', '08:00', 'Tue', true],
    ['19:59 UTC is 20:59 in Paris: still inside', '2026-03-10T19:59:00Z', 'Europe/Paris', '20:59', 'Tue', true],
    ['20:00 UTC is 21:00 in Paris: the window has closed', '2026-03-10T20:00:00Z', 'Europe/Paris', '21:00', 'Tue', false],
    ['23:30 UTC Tuesday is 12:30 Wednesday in Auckland', '2026-03-10T23:30:00Z', 'Pacific/Auckland', '12:30', 'Wed', true],
  ])('%s', (_name, instant, zone, time, weekday, within) => {
    expect(customerClock(Date.parse(instant), zone)).toEqual({ time, weekday, withinCallingHours: within });
  });

  it('is undefined for a zone the browser does not know', () => {
    expect(customerClock(0, 'Mars/Olympus_Mons')).toBeUndefined();
  });
});
