import { percentileOfSorted, summarizeLatencies } from './percentile';

describe('percentileOfSorted', () => {
  const hundred = Array.from({ length: 100 }, (_, index) => index + 1);

  it('uses the nearest rank', () => {
    expect(percentileOfSorted(hundred, 50)).toBe(50);
    expect(percentileOfSorted(hundred, 99)).toBe(99);
    expect(percentileOfSorted(hundred, 99.5)).toBe(100);
    expect(percentileOfSorted(hundred, 100)).toBe(100);
  });

  it('returns the smallest value at 0 and the only value of a single sample', () => {
    expect(percentileOfSorted(hundred, 0)).toBe(1);
    expect(percentileOfSorted([7], 99)).toBe(7);
  });

  it('is NaN for an empty sample', () => {
    expect(percentileOfSorted([], 50)).toBeNaN();
  });
});

describe('summarizeLatencies', () => {
  it('sorts numerically without changing its input', () => {
    const sample = [10, 2, 33, 4, 1];
    const summary = summarizeLatencies(sample);
    expect(summary).toEqual({ count: 5, mean: 10, p50: 4, p90: 33, p99: 33, max: 33 });
    expect(sample).toEqual([10, 2, 33, 4, 1]);
  });

  it('takes p99 from the tail of a large sample', () => {
    const sample = Array.from({ length: 1000 }, (_, index) => (index < 989 ? 1 : 100));
    expect(summarizeLatencies(sample)).toMatchObject({ p50: 1, p99: 100, max: 100 });
  });

  it('reports an empty sample as NaN rather than zero', () => {
    const summary = summarizeLatencies([]);
    expect(summary.count).toBe(0);
    expect(summary.p99).toBeNaN();
    expect(summary.mean).toBeNaN();
  });
});
