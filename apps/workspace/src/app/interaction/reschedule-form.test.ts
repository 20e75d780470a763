import { localInputToInstant, rescheduleProblem } from './reschedule-form';

describe('rescheduleProblem', () => {
  const now = Date.parse('2026-03-10T14:00:00Z');

  it('accepts a future start with a later window end', () => {
    expect(rescheduleProblem('2026-03-11T16:00:00.000Z', '2026-03-11T17:00:00.000Z', now)).toBeUndefined();
  });

  it.each([
    [undefined, undefined, 'Choose when to call back.'],
    ['2026-03-10T13:00:00.000Z', undefined, 'The new time must be in the future.'],
    ['2026-03-11T16:00:00.000Z', '2026-03-11T15:00:00.000Z', 'The window must end after it starts.'],
  ])('start %s, window end %s: %s', (start, windowEnd, message) => {
    expect(rescheduleProblem(start, windowEnd, now)).toBe(message);
  });
});

describe('localInputToInstant', () => {
  it('reads the agent clock and answers an ISO instant', () => {
    expect(localInputToInstant('2026-03-11T16:30')).toBe(new Date(2026, 2, 11, 16, 30).toISOString());
    expect(localInputToInstant('')).toBeUndefined();
    expect(localInputToInstant('not a date')).toBeUndefined();
  });
});
