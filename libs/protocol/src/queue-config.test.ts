import { BusinessHours } from './business-hours';
import { CallingHours } from './calling-hours';
import { exampleQueueConfig, exampleSalesQueueConfig } from './examples';
import { QueueConfig } from './queue-config';

function issuePaths(result: { error?: { issues: Array<{ path: PropertyKey[] }> } }): PropertyKey[][] {
  return result.error?.issues.map((issue) => issue.path) ?? [];
}

describe('QueueConfig', () => {
  it('accepts a manual agent-first queue and an auto-dial customer-first queue', () => {
    expect(QueueConfig.safeParse(exampleQueueConfig()).success).toBe(true);
    expect(QueueConfig.safeParse(exampleSalesQueueConfig()).success).toBe(true);
  });

  it('fills the Genesys-like defaults: 300 s auto close, 30 s offer timeout, pacing 1', () => {
    const { autoCloseSeconds: _a, offerTimeoutSeconds: _o, pacing: _p, ...bare } = exampleQueueConfig();
    expect(QueueConfig.parse(bare)).toMatchObject({ autoCloseSeconds: 300, offerTimeoutSeconds: 30, pacing: 1 });
  });

  it.each([
    ['an auto-dial countdown over 1200 s', { dialMethod: { type: 'auto', countdownSeconds: 1201 } }, ['dialMethod', 'countdownSeconds']],
    ['an auto dial without countdown', { dialMethod: { type: 'auto' } }, ['dialMethod', 'countdownSeconds']],
    ['an unknown dial method', { dialMethod: { type: 'predictive' } }, ['dialMethod', 'type']],
    ['an offer timeout under 5 s', { offerTimeoutSeconds: 2 }, ['offerTimeoutSeconds']],
    ['pacing above 10', { pacing: 11 }, ['pacing']],
    ['an unknown default mode', { defaultMode: 'both' }, ['defaultMode']],
    ['an empty name', { name: '' }, ['name']],
    ['calling hours ending before they start', { callingHours: { start: '21:00', end: '08:00' } }, ['callingHours', 'end']],
    ['calling hours of one instant', { callingHours: { start: '09:00', end: '09:00' } }, ['callingHours', 'end']],
    ['a calling-hours start that is no HH:mm', { callingHours: { start: '8:00', end: '21:00' } }, ['callingHours', 'start']],
    ['a retry interval over a week', { retryPolicy: { maxAttempts: 3, minIntervalSeconds: 7 * 24 * 3600 + 1 } }, ['retryPolicy', 'minIntervalSeconds']],
  ])('rejects %s', (_why, overrides, path) => {
    expect(issuePaths(QueueConfig.safeParse({ ...exampleQueueConfig(), ...overrides }))).toEqual([path]);
  });
});

describe('BusinessHours', () => {
  it('means always open when nothing is listed', () => {
    expect(BusinessHours.parse({ timeZone: 'UTC' })).toEqual({ timeZone: 'UTC', weekly: [], closedDates: [] });
  });

  it.each([
    ['close before open', { weekly: [{ weekday: 1, open: '18:00', close: '08:00' }] }, ['weekly', 0, 'close']],
    ['close equal to open', { weekly: [{ weekday: 2, open: '09:00', close: '09:00' }] }, ['weekly', 0, 'close']],
    ['weekday 0', { weekly: [{ weekday: 0, open: '09:00', close: '17:00' }] }, ['weekly', 0, 'weekday']],
    ['a time without leading zero', { weekly: [{ weekday: 1, open: '08:00', close: '9:30' }] }, ['weekly', 0, 'close']],
    ['24:00', { weekly: [{ weekday: 1, open: '09:00', close: '24:00' }] }, ['weekly', 0, 'close']],
    ['a closed date with a time', { closedDates: ['2026-12-25T00:00:00Z'] }, ['closedDates', 0]],
    ['a bad time zone', { timeZone: 'Eastern' }, ['timeZone']],
  ])('rejects %s', (_why, overrides, path) => {
    const hours = { timeZone: 'America/New_York', ...overrides };
    expect(issuePaths(BusinessHours.safeParse(hours))).toEqual([path]);
  });
});

describe('CallingHours', () => {
  it('accepts a window within one day, and a queue without one', () => {
    expect(CallingHours.parse({ start: '09:30', end: '20:00' })).toEqual({ start: '09:30', end: '20:00' });
    expect(QueueConfig.parse({ ...exampleQueueConfig(), callingHours: { start: '00:00', end: '23:59' } }).callingHours).toEqual({ start: '00:00', end: '23:59' });
    expect(QueueConfig.parse(exampleQueueConfig()).callingHours).toBeUndefined();
  });

  it('takes 24:00 as the end of the day, never as a start', () => {
    expect(CallingHours.parse({ start: '00:00', end: '24:00' })).toEqual({ start: '00:00', end: '24:00' });
    expect(issuePaths(CallingHours.safeParse({ start: '24:00', end: '24:00' }))).toEqual([['start']]);
    expect(issuePaths(CallingHours.safeParse({ start: '08:00', end: '24:30' }))).toEqual([['end']]);
  });

  it('rejects a missing end', () => {
    expect(issuePaths(CallingHours.safeParse({ start: '08:00' }))).toEqual([['end']]);
  });
});
