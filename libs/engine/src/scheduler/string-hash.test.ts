import { hashString } from './string-hash';

describe('hashString', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('is 32-bit FNV-1a: %j hashes to the published value', (key, hash) => {
    expect(hashString(key)).toBe(hash);
  });

  it('hashes UTF-16 code units above one byte whole, and stays unsigned', () => {
    expect(hashString('€')).toBe(0xa93e2c4b);
    // U+20AC and U+00AC share their low byte: the high byte must count too.
    expect(hashString('€')).not.toBe(hashString('¬'));
    expect(hashString('foobar')).toBeGreaterThan(2 ** 31);
  });

  it('depends on every character and its position', () => {
    expect(hashString('start:cb-1')).not.toBe(hashString('start:cb-2'));
    expect(hashString('ab')).not.toBe(hashString('ba'));
  });

  it('gives the known FNV-1a collision the same hash (the index must still tell the keys apart)', () => {
    expect(hashString('costarring')).toBe(hashString('liquid'));
  });
});
