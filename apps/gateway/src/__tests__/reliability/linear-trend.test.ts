import { slopePerSecond } from './linear-trend';

describe('slopePerSecond', () => {
  it('finds the growth of a line through noise, and none in flat noise', () => {
    const noise = [3, -2, 5, -4, 1, 0, -3, 4, -1, 2];
    expect(slopePerSecond(noise.map((wobble, index) => ({ seconds: index, value: 1000 + 50 * index + wobble })))).toBeCloseTo(50, 0);
    expect(Math.abs(slopePerSecond(noise.map((wobble, index) => ({ seconds: index, value: 1000 + wobble }))))).toBeLessThan(1);
    expect(slopePerSecond([{ seconds: 1, value: 5 }])).toBe(0);
  });
});
