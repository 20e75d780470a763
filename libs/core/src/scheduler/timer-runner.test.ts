import { createFakeClock } from '../ports/fake-clock';
import type { DueTimer } from './timer-queue';
import { createTimerQueue } from './timer-queue';
import { createTimerRunner } from './timer-runner';

const start = Date.parse('2026-01-05T09:00:00Z');

function setup() {
  const clock = createFakeClock(start);
  const queue = createTimerQueue<string>();
  const fired: Array<{ item: string; at: number }> = [];
  const runner = createTimerRunner({ queue, clock, onDue: (due) => fired.push({ item: due.item, at: clock.now() }) });
  return { clock, queue, fired, runner };
}

describe('createTimerRunner', () => {
  it('keeps a single clock timer however many items wait', () => {
    const { clock, runner } = setup();
    for (let index = 0; index < 100; index++) runner.schedule(`k${index}`, start + 1000 + index, `item${index}`);

    expect(clock.pendingTimers()).toBe(1);
    expect(runner.armedAt()).toBe(start + 1000);
  });

  it('fires each item at its due time, in due order', () => {
    const { clock, fired, runner } = setup();
    runner.schedule('b', start + 2000, 'b');
    runner.schedule('a', start + 1000, 'a');
    runner.schedule('c', start + 2000, 'c');

    clock.advance(5000);

    expect(fired).toEqual([
      { item: 'a', at: start + 1000 },
      { item: 'b', at: start + 2000 },
      { item: 'c', at: start + 2000 },
    ]);
    expect(clock.pendingTimers()).toBe(0);
    expect(runner.armedAt()).toBeUndefined();
  });

  it('re-arms earlier when a new earliest item is scheduled, and later when it is cancelled', () => {
    const { clock, fired, runner } = setup();
    runner.schedule('late', start + 5000, 'late');
    runner.schedule('early', start + 1000, 'early');
    expect(runner.armedAt()).toBe(start + 1000);

    runner.cancel('early');
    expect(runner.armedAt()).toBe(start + 5000);
    expect(clock.pendingTimers()).toBe(1);

    clock.advance(4999);
    expect(fired).toEqual([]);
    clock.advance(1);
    expect(fired).toEqual([{ item: 'late', at: start + 5000 }]);
  });

  it('picks up items scheduled on the queue directly after notify()', () => {
    const { clock, queue, fired, runner } = setup();
    queue.schedule('direct', start + 1000, 'direct');
    expect(clock.pendingTimers()).toBe(0);

    runner.notify();
    clock.advance(1000);

    expect(fired).toEqual([{ item: 'direct', at: start + 1000 }]);
  });

  it('arms for items already queued when created', () => {
    const clock = createFakeClock(start);
    const queue = createTimerQueue<string>();
    queue.schedule('waiting', start + 10, 'waiting');
    const fired: string[] = [];
    createTimerRunner({ queue, clock, onDue: (due) => fired.push(due.item) });

    clock.advance(10);

    expect(fired).toEqual(['waiting']);
  });

  it('lets handlers schedule follow-ups and arms once for them', () => {
    const clock = createFakeClock(start);
    const queue = createTimerQueue<string>();
    const fired: string[] = [];
    const runner = createTimerRunner({
      queue,
      clock,
      onDue(due) {
        fired.push(due.item);
        if (due.item === 'first') {
          runner.schedule('now', clock.now(), 'now');
          runner.schedule('next', clock.now() + 500, 'next');
        }
      },
    });
    runner.schedule('first', start + 100, 'first');

    clock.advance(100);
    expect(fired).toEqual(['first', 'now']);
    expect(clock.pendingTimers()).toBe(1);
    clock.advance(500);
    expect(fired).toEqual(['first', 'now', 'next']);
  });

  it('stops firing after stop() and resumes on start()', () => {
    const { clock, fired, runner } = setup();
    runner.schedule('a', start + 1000, 'a');

    runner.stop();
    expect(clock.pendingTimers()).toBe(0);
    runner.schedule('b', start + 2000, 'b');
    clock.advance(3000);
    expect(fired).toEqual([]);

    runner.start();
    clock.advance(0);
    expect(fired.map((entry) => entry.item)).toEqual(['a', 'b']);
  });

  it('runs every due item even when one handler throws, then reports the error', () => {
    const clock = createFakeClock(start);
    const queue = createTimerQueue<string>();
    const errors: Array<{ error: unknown; due: DueTimer<string> }> = [];
    const fired: string[] = [];
    const runner = createTimerRunner({
      queue,
      clock,
      onDue(due) {
        if (due.item === 'bad') throw new Error('boom');
        fired.push(due.item);
      },
      onError: (error, due) => errors.push({ error, due }),
    });
    runner.schedule('bad', start + 100, 'bad');
    runner.schedule('good', start + 100, 'good');
    runner.schedule('later', start + 200, 'later');

    clock.advance(200);

    expect(fired).toEqual(['good', 'later']);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.due.key).toBe('bad');
  });

  it('rethrows the first handler error without onError, after running the rest and re-arming', () => {
    const clock = createFakeClock(start);
    const queue = createTimerQueue<string>();
    const fired: string[] = [];
    const runner = createTimerRunner({
      queue,
      clock,
      onDue(due) {
        if (due.item === 'bad') throw new Error('boom');
        fired.push(due.item);
      },
    });
    runner.schedule('bad', start + 100, 'bad');
    runner.schedule('good', start + 100, 'good');
    runner.schedule('later', start + 300, 'later');

    expect(() => clock.advance(100)).toThrow('boom');
    expect(fired).toEqual(['good']);
    expect(runner.armedAt()).toBe(start + 300);
  });
});
