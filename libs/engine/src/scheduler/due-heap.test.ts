import { createSeededRandom } from '@icc/core';
import { DueHeap } from './due-heap';
import { columnsOf, sortedSlots } from './due-columns.test-support';

/** Empties a settled heap one top at a time. */
function popAll(heap: DueHeap): number[] {
  const popped: number[] = [];
  heap.settle();
  while (heap.length > 0) {
    const slot = heap.top();
    heap.remove(slot);
    popped.push(slot);
  }
  return popped;
}

const heapOf = (columns: ReturnType<typeof columnsOf>, slots: number[]) => {
  const heap = new DueHeap(columns);
  slots.forEach((slot) => heap.append(slot));
  return heap;
};

const randomColumns = (seed: number, size: number, spread: number) => {
  const random = createSeededRandom(seed);
  return columnsOf(Array.from({ length: size }, () => Math.floor(random() * spread)));
};

describe('DueHeap', () => {
  it('pops in (dueAt, seq) order, ties in insertion order', () => {
    const columns = columnsOf([30, 10, 20, 10, 5], [0, 4, 2, 3, 1]);
    expect(popAll(heapOf(columns, [0, 1, 2, 3, 4]))).toEqual([4, 3, 1, 2, 0]);
  });

  it.each([
    ['settled one append at a time', 1],
    ['settled after every 3 appends', 3],
    ['settled once after all appends (rebuilt)', 500],
  ])('keeps the order whether appends are %s', (_name, every) => {
    const columns = randomColumns(every, 500, 40);
    const heap = new DueHeap(columns);
    const slots = Array.from({ length: 500 }, (_, slot) => slot);
    slots.forEach((slot, index) => {
      heap.append(slot);
      if ((index + 1) % every === 0) heap.settle();
    });
    expect(popAll(heap)).toEqual(sortedSlots(slots, columns));
  });

  it('rebuilds rather than sifts in once the appends outnumber what sifting them in would cost', () => {
    const heap = new DueHeap(columnsOf(Array.from({ length: 200 }, () => 0)));
    expect(heap.settlesByRebuild()).toBe(false);
    heap.append(0);
    expect(heap.settlesByRebuild()).toBe(false); // 1 × log2(2) = 1, not above 2 × 1
    heap.append(1);
    heap.append(2);
    expect(heap.settlesByRebuild()).toBe(false); // 3 × log2(4) = 6, not above 2 × 3
    heap.append(3);
    expect(heap.settlesByRebuild()).toBe(true); // 4 × log2(5) ≈ 9.3, above 2 × 4
    heap.settle();
    expect(heap.settlesByRebuild()).toBe(false);
    for (let slot = 4; slot < 104; slot++) heap.append(slot);
    expect(heap.settlesByRebuild()).toBe(true); // 100 × log2(105) ≈ 671, above 2 × 104
    heap.settle();
    heap.append(104);
    expect(heap.settlesByRebuild()).toBe(false); // 1 × log2(106) ≈ 6.7, not above 2 × 105
  });

  it('removes any slot, settled or not, and keeps the rest in order', () => {
    const columns = randomColumns(7, 300, 25);
    const slots = Array.from({ length: 300 }, (_, slot) => slot);
    const heap = heapOf(columns, slots);
    const removed = new Set(slots.filter((slot) => slot % 3 === 0 || slot === 299));
    heap.remove(151);
    for (const slot of removed) heap.remove(slot);
    const kept = slots.filter((slot) => !removed.has(slot) && slot !== 151);
    expect(heap.length).toBe(kept.length);
    expect(popAll(heap)).toEqual(sortedSlots(kept, columns));
  });

  it('removes the last slot appended and the top without disturbing the others', () => {
    const columns = columnsOf([5, 1, 9, 3]);
    const heap = heapOf(columns, [0, 1, 2, 3]);
    heap.remove(3);
    heap.settle();
    expect(heap.top()).toBe(1);
    heap.remove(1);
    expect(heap.top()).toBe(0);
    expect(popAll(heap)).toEqual([0, 2]);
  });

  it('takes out exactly the slots due by now, on the boundary too, settled or appended, and leaves a heap of the rest', () => {
    const columns = randomColumns(11, 420, 100);
    const slots = Array.from({ length: 420 }, (_, slot) => slot);
    const heap = heapOf(columns, slots.slice(0, 400));
    heap.remove(17);
    for (let slot = 400; slot < 420; slot++) heap.append(slot);
    const due = Array.from(heap.takeDue(49));
    const expectedDue = slots.filter((slot) => slot !== 17 && (columns.dueAt[slot] as number) <= 49);
    expect(due.sort((a, b) => a - b)).toEqual(expectedDue);
    expect(heap.settlesByRebuild()).toBe(false);
    expect(popAll(heap)).toEqual(sortedSlots(slots.filter((slot) => slot !== 17 && (columns.dueAt[slot] as number) > 49), columns));
  });

  it('takes due slots from appends never settled', () => {
    const columns = columnsOf([4, 2, 8, 6, 1]);
    const heap = heapOf(columns, [0, 1, 2, 3, 4]);
    expect(Array.from(heap.takeDue(4)).sort()).toEqual([0, 1, 4]);
    expect(heap.length).toBe(2);
    expect(popAll(heap)).toEqual([3, 2]);
  });

  it('grows past its first capacity for slot numbers and positions alike', () => {
    const columns = randomColumns(3, 100, 1000);
    const heap = new DueHeap(columns);
    heap.append(99);
    for (let slot = 0; slot < 40; slot++) heap.append(slot);
    expect(popAll(heap)).toEqual(sortedSlots([99, ...Array.from({ length: 40 }, (_, slot) => slot)], columns));
  });

  it('clears to empty and works again', () => {
    const columns = columnsOf([3, 1, 2]);
    const heap = heapOf(columns, [0, 1, 2]);
    heap.clear();
    expect(heap.length).toBe(0);
    heap.append(2);
    heap.append(0);
    expect(popAll(heap)).toEqual([2, 0]);
  });
});
