import { createSeededRandom } from './seeded-random';

const draw = (seed: number, count: number) => {
  const random = createSeededRandom(seed);
  return Array.from({ length: count }, () => random());
};

describe('createSeededRandom', () => {
  it('gives the same sequence for the same seed', () => {
    expect(draw(42, 20)).toEqual(draw(42, 20));
  });

  it('gives another sequence for another seed', () => {
    expect(draw(43, 20)).not.toEqual(draw(42, 20));
  });

  it('stays in [0, 1) and spreads over it', () => {
    const values = draw(1, 10_000);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    const lowHalf = values.filter((value) => value < 0.5).length;
    expect(lowHalf).toBeGreaterThan(4_700);
    expect(lowHalf).toBeLessThan(5_300);
  });

  it('treats a negative seed as its unsigned 32-bit form', () => {
    expect(draw(-1, 3)).toEqual(draw(0xffffffff, 3));
  });
});
