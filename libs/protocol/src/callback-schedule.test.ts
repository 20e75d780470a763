import { CallbackSchedule } from './callback-schedule';

describe('CallbackSchedule', () => {
  it('accepts asap and scheduled with or without a window end', () => {
    expect(CallbackSchedule.parse({ type: 'asap' })).toEqual({ type: 'asap' });
    expect(CallbackSchedule.safeParse({ type: 'scheduled', start: '2026-03-11T16:00:00Z' }).success).toBe(true);
    expect(
      CallbackSchedule.safeParse({ type: 'scheduled', start: '2026-03-11T16:00:00Z', windowEnd: '2026-03-11T17:00:00+01:00' })
        .success,
    ).toBe(false);
    expect(
      CallbackSchedule.safeParse({ type: 'scheduled', start: '2026-03-11T16:00:00Z', windowEnd: '2026-03-11T18:00:00+01:00' })
        .success,
    ).toBe(true);
  });

  it.each([
    ['window end before start', { type: 'scheduled', start: '2026-03-11T16:00:00Z', windowEnd: '2026-03-11T15:00:00Z' }, ['windowEnd']],
    ['window end equal to start', { type: 'scheduled', start: '2026-03-11T16:00:00Z', windowEnd: '2026-03-11T16:00:00Z' }, ['windowEnd']],
    ['scheduled without start', { type: 'scheduled' }, ['start']],
    ['start without offset', { type: 'scheduled', start: '2026-03-11T16:00:00' }, ['start']],
    ['unknown type', { type: 'tomorrow' }, ['type']],
  ])('rejects %s', (_why, schedule, path) => {
    const result = CallbackSchedule.safeParse(schedule);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([path]);
  });
});
