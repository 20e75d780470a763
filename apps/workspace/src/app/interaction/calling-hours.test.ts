import { exampleQueueConfig } from '@icc/protocol';
import { callingHoursText, customerClock, nextCallingTime, queueCallingHours } from './calling-hours';

const DEFAULT = { start: '08:00', end: '21:00' };

describe('customerClock', () => {
  it.each([
    // 2026-03-10 is a Tuesday; Los Angeles is UTC-7 (daylight time from March 8).
    ['14:59 UTC is 07:59 in Los Angeles: too early', '2026-03-10T14:59:00Z', 'America/Los_Angeles', '07:59', 'Tue', false],
    ['15:00 UTC is 08:00 in Los Angeles: the window opens', '2026-03-10T15:00:00Z', 'America/Los_Angeles', '08:00', 'Tue', true],
    ['19:59 UTC is 20:59 in Paris: still inside', '2026-03-10T19:59:00Z', 'Europe/Paris', '20:59', 'Tue', true],
    ['20:00 UTC is 21:00 in Paris: the window has closed', '2026-03-10T20:00:00Z', 'Europe/Paris', '21:00', 'Tue', false],
    ['23:30 UTC Tuesday is 12:30 Wednesday in Auckland', '2026-03-10T23:30:00Z', 'Pacific/Auckland', '12:30', 'Wed', true],
  ])('%s', (_name, instant, zone, time, weekday, within) => {
    expect(customerClock(Date.parse(instant), zone, DEFAULT)).toEqual({ time, weekday, withinCallingHours: within });
  });

  it("judges by the queue's own hours", () => {
    // 10:00 in Paris: inside the default, outside 11:00–19:00.
    expect(customerClock(Date.parse('2026-03-10T09:00:00Z'), 'Europe/Paris', { start: '11:00', end: '19:00' })?.withinCallingHours).toBe(false);
  });

  it('is undefined for a zone the browser does not know', () => {
    expect(customerClock(0, 'Mars/Olympus_Mons', DEFAULT)).toBeUndefined();
  });
});

describe('queueCallingHours', () => {
  it("is the queue's configured hours, else the default", () => {
    const queues = [exampleQueueConfig({ id: 'q-late', callingHours: { start: '10:00', end: '22:30' } }), exampleQueueConfig({ id: 'q-plain' })];
    expect(queueCallingHours(queues, 'q-late')).toEqual({ start: '10:00', end: '22:30' });
    expect(queueCallingHours(queues, 'q-plain')).toEqual(DEFAULT);
    expect(queueCallingHours(queues, 'q-unknown')).toEqual(DEFAULT);
    expect(callingHoursText({ start: '10:00', end: '22:30' })).toBe('10:00–22:30');
  });
});

describe('nextCallingTime', () => {
  it("names the customer's next allowed time", () => {
    expect(nextCallingTime(Date.parse('2026-03-10T20:00:00Z'), 'Europe/Paris', DEFAULT)).toBe('Wed 08:00');
    expect(nextCallingTime(Date.parse('2026-03-10T05:00:00Z'), 'Europe/Paris', DEFAULT)).toBe('Tue 08:00');
  });
});
