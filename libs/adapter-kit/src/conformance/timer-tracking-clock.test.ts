import { createFakeClock } from '@icc/core';
import { createTimerTrackingClock } from './timer-tracking-clock';

describe('createTimerTrackingClock', () => {
  it('counts timers set through it until they fire or are cancelled, not the clock’s other timers', () => {
    const clock = createFakeClock();
    const tracked = createTimerTrackingClock(clock);
    const fired: string[] = [];
    clock.setTimer(clock.now() + 5000, () => fired.push('simulator'));
    tracked.setTimer(clock.now() + 1000, () => fired.push('first'));
    const cancel = tracked.setTimer(clock.now() + 2000, () => fired.push('cancelled'));
    expect(tracked.liveTimers()).toBe(2);
    clock.advance(1000);
    expect(tracked.liveTimers()).toBe(1);
    cancel();
    expect(tracked.liveTimers()).toBe(0);
    clock.advance(10_000);
    expect(fired).toEqual(['first', 'simulator']);
    expect(tracked.now()).toBe(clock.now());
  });
});
