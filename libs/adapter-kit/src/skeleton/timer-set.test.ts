import { createFakeClock } from '@icc/core';
import { createTimerSet } from './timer-set';

describe('createTimerSet', () => {
  it('replaces a named timer when it is set again, and forgets it once fired', () => {
    const clock = createFakeClock(0);
    const timers = createTimerSet(clock);
    const fired: string[] = [];
    timers.set('expire:ix-1', 100, () => fired.push('first'));
    timers.set('expire:ix-1', 200, () => fired.push('second'));
    expect(timers.dueAt('expire:ix-1')).toBe(200);
    expect(clock.pendingTimers()).toBe(1);
    clock.advanceTo(200);
    expect(fired).toEqual(['second']);
    expect(timers.size()).toBe(0);
  });

  it('cancels one timer by name, or all of them', () => {
    const clock = createFakeClock(0);
    const timers = createTimerSet(clock);
    const fired: string[] = [];
    for (const name of ['a', 'b', 'c']) timers.set(name, 10, () => fired.push(name));
    timers.cancel('b');
    expect(timers.dueAt('b')).toBeUndefined();
    clock.advanceTo(10);
    expect(fired).toEqual(['a', 'c']);
    timers.set('d', 20, () => fired.push('d'));
    timers.clear();
    clock.advanceTo(20);
    expect(fired).toEqual(['a', 'c']);
    expect(clock.pendingTimers()).toBe(0);
  });
});
