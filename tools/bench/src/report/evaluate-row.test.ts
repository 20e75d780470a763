import { describeTarget, evaluateRow, meetsTarget, ratioOf } from './evaluate-row';
import type { MetricRow } from './metric-row';

const row = (overrides: Partial<MetricRow>): MetricRow => ({ scenario: '1 intake', metric: 'created', unit: 'req/s', ours: 6000, baseline: 10000, ...overrides });

describe('ratioOf', () => {
  it('divides ours by the baseline', () => {
    expect(ratioOf(6000, 10000)).toBeCloseTo(0.6);
  });

  it('has no ratio without a usable baseline', () => {
    expect(ratioOf(5, null)).toBeNull();
    expect(ratioOf(5, 0)).toBeNull();
    expect(ratioOf(5, Number.NaN)).toBeNull();
  });
});

describe('meetsTarget', () => {
  it('holds ours to an absolute minimum and an exclusive maximum', () => {
    expect(meetsTarget(5000, null, { min: 5000 })).toBe(true);
    expect(meetsTarget(4999, null, { min: 5000 })).toBe(false);
    expect(meetsTarget(24.9, null, { max: 25 })).toBe(true);
    expect(meetsTarget(25, null, { max: 25 })).toBe(false);
  });

  it('requires every bound at once', () => {
    expect(meetsTarget(6000, 0.6, { min: 5000, minRatio: 0.4 })).toBe(true);
    expect(meetsTarget(6000, 0.3, { min: 5000, minRatio: 0.4 })).toBe(false);
    expect(meetsTarget(4000, 0.6, { min: 5000, minRatio: 0.4 })).toBe(false);
  });

  it('bounds how far ours may exceed the baseline', () => {
    expect(meetsTarget(14, 2.8, { maxAboveBaseline: 10 }, 5)).toBe(true);
    expect(meetsTarget(15, 3, { maxAboveBaseline: 10 }, 5)).toBe(true);
    expect(meetsTarget(15.1, 3.02, { maxAboveBaseline: 10 }, 5)).toBe(false);
    expect(meetsTarget(3, null, { maxAboveBaseline: 10 }, null)).toBe(false);
    expect(evaluateRow(row({ unit: 'KB', ours: 22, baseline: 11, target: { maxAboveBaseline: 10 } }))).toMatchObject({ verdict: 'fail', targetText: '≤ baseline + 10 KB' });
  });

  it('fails a ratio bound when there is nothing to divide by', () => {
    expect(meetsTarget(6000, null, { minRatio: 0.4 })).toBe(false);
  });

  it('fails a measurement that is not a number', () => {
    expect(meetsTarget(Number.NaN, null, { max: 10 })).toBe(false);
  });
});

describe('evaluateRow', () => {
  it('passes, fails or informs', () => {
    expect(evaluateRow(row({ target: { min: 5000, minRatio: 0.4 } }))).toMatchObject({ ratio: 0.6, verdict: 'pass' });
    expect(evaluateRow(row({ ours: 3000, target: { min: 5000, minRatio: 0.4 } }))).toMatchObject({ verdict: 'fail' });
    expect(evaluateRow(row({}))).toMatchObject({ verdict: 'info', targetText: '' });
  });

  it('words the target with its unit', () => {
    expect(describeTarget({ min: 5000, minRatio: 0.4 }, 'req/s')).toBe('≥ 5,000 req/s, ≥ 0.40× baseline');
    expect(describeTarget({ max: 25 }, 'ms')).toBe('< 25 ms');
    expect(describeTarget({ max: 1 }, '')).toBe('< 1');
    expect(describeTarget(undefined, 'ms')).toBe('');
  });
});
