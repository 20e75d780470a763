import { TimerSlots } from './timer-slots';

describe('TimerSlots', () => {
  it('numbers new slots from 0 and keeps key, due time, item and insertion order per slot', () => {
    const slots = new TimerSlots<string>();
    expect(slots.allocate('a', 100, 'first')).toBe(0);
    expect(slots.allocate('b', 50, 'second')).toBe(1);
    expect(slots.keyOf(1)).toBe('b');
    expect(slots.dueAt[1]).toBe(50);
    expect(slots.seq[1]).toBeGreaterThan(slots.seq[0] as number);
    expect(slots.timerAt(0)).toEqual({ key: 'a', dueAt: 100, item: 'first' });
  });

  it('reuses a released slot, with a later insertion order than any before', () => {
    const slots = new TimerSlots<string>();
    slots.allocate('a', 1, 'a');
    slots.allocate('b', 2, 'b');
    slots.release(0);
    expect(slots.allocate('c', 3, 'c')).toBe(0);
    expect(slots.seq[0]).toBeGreaterThan(slots.seq[1] as number);
    expect(slots.timerAt(0)).toEqual({ key: 'c', dueAt: 3, item: 'c' });
    expect(slots.allocate('d', 4, 'd')).toBe(2);
  });

  it('hands out the same timer until the slot is released, and makes a fresh one otherwise', () => {
    const slots = new TimerSlots<string>();
    slots.allocate('a', 1, 'a');
    const handed = slots.handOut(0);
    expect(slots.handOut(0)).toBe(handed);
    expect(slots.timerAt(0)).toBe(handed);
    slots.allocate('b', 2, 'b');
    expect(slots.timerAt(1)).not.toBe(slots.timerAt(1));
    slots.release(0);
    slots.allocate('c', 3, 'c');
    expect(slots.handOut(0)).toEqual({ key: 'c', dueAt: 3, item: 'c' });
  });

  it('grows past its first capacity', () => {
    const slots = new TimerSlots<number>();
    for (let index = 0; index < 100; index++) slots.allocate(`k${index}`, index * 10, index);
    expect(slots.timerAt(99)).toEqual({ key: 'k99', dueAt: 990, item: 99 });
    expect(slots.dueAt[17]).toBe(170);
  });

  it('clears every slot: numbering starts again at 0', () => {
    const slots = new TimerSlots<number>();
    for (let index = 0; index < 40; index++) slots.allocate(`k${index}`, index, index);
    slots.handOut(0);
    slots.release(5);
    slots.clear();
    expect(slots.allocate('x', 7, 7)).toBe(0);
    expect(slots.timerAt(0)).toEqual({ key: 'x', dueAt: 7, item: 7 });
    expect(slots.allocate('y', 8, 8)).toBe(1);
    expect(slots.timerAt(1)).toEqual({ key: 'y', dueAt: 8, item: 8 });
  });
});
