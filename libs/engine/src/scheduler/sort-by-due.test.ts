import { createSeededRandom } from '@icc/core';
import { dueOrder } from './sort-by-due';
import { columnsOf, sortedSlots } from './due-columns.test-support';

/** The slots in the order `dueOrder` gives. */
const ordered = (slots: number[], columns: ReturnType<typeof columnsOf>) => Array.from(dueOrder(Int32Array.from(slots), columns), (position) => slots[position]);

describe('dueOrder', () => {
  it('answers positions in the slots given, not slots', () => {
    const columns = columnsOf([0, 0, 0, 30, 10, 20]);
    expect(Array.from(dueOrder(Int32Array.from([3, 4, 5]), columns))).toEqual([1, 2, 0]);
  });

  it('orders equal due times by insertion, whatever their position', () => {
    const columns = columnsOf([7, 7, 5, 7, 5], [40, 10, 30, 20, 0]);
    expect(ordered([0, 1, 2, 3, 4], columns)).toEqual([4, 2, 1, 3, 0]);
  });

  it('orders due times before the epoch and a run of ties at the very end', () => {
    const columns = columnsOf([-5, 3, -20, 3, 3], [0, 4, 1, 3, 2]);
    expect(ordered([0, 1, 2, 3, 4], columns)).toEqual([2, 0, 4, 3, 1]);
  });

  it('orders an odd count whose middle due time is fractional (no exact packing)', () => {
    const columns = columnsOf([2, 1.5, 1, 3, 0]);
    expect(ordered([0, 1, 2, 3, 4], columns)).toEqual([4, 2, 1, 0, 3]);
  });

  it('orders an even count with a fractional due time whose packed number would be whole', () => {
    const columns = columnsOf([1, 0.5, 0, 0.5], [0, 3, 1, 2]);
    expect(ordered([0, 1, 2, 3], columns)).toEqual([2, 3, 1, 0]);
  });

  it('orders due times too far apart to pack, ties by insertion', () => {
    const far = 2 ** 50;
    const columns = columnsOf([far, 0, far, 1], [3, 2, 1, 0]);
    expect(ordered([0, 1, 2, 3], columns)).toEqual([1, 3, 2, 0]);
  });

  it('orders just within and just past the exact range of a double alike', () => {
    // The latest at position 1 of 2: (latest − earliest) × 2 + 1 is exactly MAX_SAFE_INTEGER, then one past it.
    const within = (Number.MAX_SAFE_INTEGER - 1) / 2;
    expect(ordered([0, 1], columnsOf([0, within]))).toEqual([0, 1]);
    expect(ordered([0, 1], columnsOf([0, within + 1]))).toEqual([0, 1]);
    expect(ordered([1, 0], columnsOf([0, within]))).toEqual([0, 1]);
  });

  it('answers nothing for no slots', () => {
    expect(dueOrder(new Int32Array(0), columnsOf([]))).toHaveLength(0);
  });

  it.each([
    ['few due times, many ties', 20],
    ['a week of milliseconds', 7 * 24 * 3600 * 1000],
  ])('agrees with a comparator sort on random slots: %s', (_name, spread) => {
    const random = createSeededRandom(spread);
    const size = 3000;
    const seqs = Array.from({ length: size }, (_, slot) => slot);
    for (let index = size - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      [seqs[index], seqs[other]] = [seqs[other] as number, seqs[index] as number];
    }
    const columns = columnsOf(
      Array.from({ length: size }, () => Math.floor(random() * spread)),
      seqs,
    );
    const slots = Array.from({ length: 1000 }, (_, index) => (index * 7) % size);
    expect(ordered(slots, columns)).toEqual(sortedSlots(slots, columns));
  });
});
