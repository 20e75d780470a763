import { KeySlotIndex, NOT_FOUND } from './key-slot-index';
import { hashString } from './string-hash';

/** An index over keys held by slot in a plain array, as the timer slots hold them. */
function createIndex() {
  const keys: string[] = [];
  const index = new KeySlotIndex({ keyOf: (slot) => keys[slot] });
  /** Stores `key` in a new slot and points the index at it; returns what `put` returned. */
  const add = (key: string) => index.put(key, keys.push(key) - 1);
  return { index, keys, add };
}

/** `count` keys that all start probing at `bucket` of a table of `capacity` entries. */
function keysInBucket(bucket: number, count: number, capacity = 16): string[] {
  const found: string[] = [];
  for (let n = 0; found.length < count; n++) if ((hashString(`k${n}`) & (capacity - 1)) === bucket) found.push(`k${n}`);
  return found;
}

describe('KeySlotIndex', () => {
  it('finds the slot put under a key, slot 0 included, and NOT_FOUND for others', () => {
    const { index, add } = createIndex();
    expect(index.get('a')).toBe(NOT_FOUND);
    expect(add('a')).toBe(NOT_FOUND);
    expect(add('b')).toBe(NOT_FOUND);
    expect(index.get('a')).toBe(0);
    expect(index.get('b')).toBe(1);
    expect(index.get('c')).toBe(NOT_FOUND);
    expect(index.size).toBe(2);
  });

  it('points a key put again at the new slot and answers the old one, without growing', () => {
    const { index, add } = createIndex();
    add('a');
    add('b');
    expect(add('a')).toBe(0);
    expect(index.get('a')).toBe(2);
    expect(add('a')).toBe(2);
    expect(index.size).toBe(2);
  });

  it('deletes a key: answers its slot once, then NOT_FOUND', () => {
    const { index, add } = createIndex();
    add('a');
    add('b');
    expect(index.delete('b')).toBe(1);
    expect(index.delete('b')).toBe(NOT_FOUND);
    expect(index.delete('never')).toBe(NOT_FOUND);
    expect(index.get('b')).toBe(NOT_FOUND);
    expect(index.get('a')).toBe(0);
    expect(index.size).toBe(1);
  });

  it('tells apart keys with the same full hash', () => {
    const { index, add } = createIndex();
    add('costarring');
    expect(index.get('liquid')).toBe(NOT_FOUND);
    expect(add('liquid')).toBe(NOT_FOUND);
    expect(index.get('costarring')).toBe(0);
    expect(index.get('liquid')).toBe(1);
    expect(index.delete('costarring')).toBe(0);
    expect(index.get('liquid')).toBe(1);
    expect(index.delete('liquid')).toBe(1);
  });

  it('finds keys past a colliding key and past a tombstone in their probe chain', () => {
    const { index, add } = createIndex();
    const [first, second, third] = keysInBucket(5, 3) as [string, string, string];
    add(first);
    add(second);
    add(third);
    expect(index.delete(first)).toBe(0);
    expect(index.get(second)).toBe(1);
    expect(index.get(third)).toBe(2);
    expect(index.delete(second)).toBe(1);
    expect(index.get(third)).toBe(2);
  });

  it('wraps a probe chain around the end of the table', () => {
    const { index, add } = createIndex();
    const chain = keysInBucket(15, 4);
    chain.forEach(add);
    chain.forEach((key, slot) => expect(index.get(key)).toBe(slot));
  });

  it('stays at most half full: 8 keys fit 16 entries, the 9th doubles the table', () => {
    const { index, add } = createIndex();
    for (let n = 0; n < 8; n++) add(`k${n}`);
    expect(index.capacity).toBe(16);
    add('k8');
    expect(index.capacity).toBe(32);
    for (let n = 0; n <= 8; n++) expect(index.get(`k${n}`)).toBe(n);
  });

  it('keeps every key through many doublings', () => {
    const { index, add } = createIndex();
    for (let n = 0; n < 5000; n++) add(`key-${n}`);
    expect(index.size).toBe(5000);
    expect(index.capacity).toBe(16384);
    for (let n = 0; n < 5000; n++) expect(index.get(`key-${n}`)).toBe(n);
    expect(index.get('key-5000')).toBe(NOT_FOUND);
  });

  it("reuses a deleted key's tombstone when it is put again", () => {
    const { index, keys, add } = createIndex();
    for (let n = 0; n < 7; n++) add(`k${n}`);
    index.delete('k3');
    expect(index.put('k3', keys.indexOf('k3'))).toBe(NOT_FOUND);
    // 7 entries in use still: an 8th key fits without a rehash (a new entry for k3 would have made it 9).
    add('k7');
    expect(index.capacity).toBe(16);
    for (let n = 0; n < 8; n++) expect(index.get(`k${n}`)).toBe(n);
  });

  it('drops tombstones in a rehash instead of growing when few keys are live', () => {
    const { index, add } = createIndex();
    for (let n = 0; n < 1000; n++) {
      add(`k${n}`);
      expect(index.delete(`k${n}`)).toBe(n);
    }
    expect(index.capacity).toBe(16);
    expect(index.size).toBe(0);
  });

  it.each([
    [3, 16],
    [4, 32],
  ])('rehashes tombstones away at the same size while live keys fill at most a quarter (%i live → %i)', (live, capacity) => {
    const { index, add } = createIndex();
    for (let n = 0; n < live; n++) add(`live-${n}`);
    for (let n = 0; n < 20; n++) {
      add(`gone-${n}`);
      index.delete(`gone-${n}`);
    }
    expect(index.capacity).toBe(capacity);
    for (let n = 0; n < live; n++) expect(index.get(`live-${n}`)).toBe(n);
  });

  it('clears to an empty table of the smallest size', () => {
    const { index, add } = createIndex();
    for (let n = 0; n < 100; n++) add(`k${n}`);
    index.clear();
    expect(index.size).toBe(0);
    expect(index.capacity).toBe(16);
    expect(index.get('k1')).toBe(NOT_FOUND);
    expect(add('k1')).toBe(NOT_FOUND);
    expect(index.get('k1')).toBe(100);
  });
});
