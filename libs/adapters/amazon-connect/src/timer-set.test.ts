import { createFakeClock } from '@icc/core';
import { createTimerSet } from './timer-set';

describe('createTimerSet', () => {
  it('replaces a timer set again under the same name, and cancels everything on clear', () => {
    const clock = createFakeClock(0);
    const timers = createTimerSet(clock);
    const fired: string[] = [];
    timers.set('a', 1000, () => fired.push('a1'));
    timers.set('a', 2000, () => fired.push('a2'));
    timers.set('b', 3000, () => fired.push('b'));
    clock.advance(2000);
    expect(fired).toEqual(['a2']);
    expect(timers.size()).toBe(1);
    timers.clear();
    clock.advance(5000);
    expect(fired).toEqual(['a2']);
    expect(clock.pendingTimers()).toBe(0);
  });
});
