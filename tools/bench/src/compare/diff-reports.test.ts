import type { BenchReport } from '../report/bench-report';
import { evaluateRow } from '../report/evaluate-row';
import type { MetricRow } from '../report/metric-row';
import { diffReports, higherIsBetter, relativeChange, rowKey } from './diff-reports';
import { describeChange, formatDiff } from './format-diff';

const machine = { cores: 2, cpuModel: 'AMD EPYC', node: 'v20.20.2', platform: 'linux', memoryGb: 24, firstTouchMbPerSecond: 80, loadAverage: 1.5 };

function report(startedAt: string, rows: MetricRow[], mode: BenchReport['mode'] = 'full'): BenchReport {
  return { startedAt, mode, machine, rows: rows.map(evaluateRow), scenarios: [] };
}

const intake = (ours: number, baseline: number): MetricRow => ({ scenario: '1 intake', metric: 'created', unit: 'req/s', ours, baseline, target: { minRatio: 0.4 } });
const p50 = (metric: string, ours: number, load?: string): MetricRow => ({ scenario: '2 fan-out', metric, unit: 'ms', ours, baseline: 1, target: { max: 2 }, ...(load ? { load } : {}) });

describe('rowKey', () => {
  it('is scenario and metric, without the load older reports wrote after " @ "', () => {
    expect(rowKey({ scenario: '2 fan-out', metric: 'ingest → frame p50 @ 2000/s' })).toBe(rowKey({ scenario: '2 fan-out', metric: 'ingest → frame p50' }));
    expect(rowKey({ scenario: '2 fan-out', metric: 'ingest → frame p50' })).not.toBe(rowKey({ scenario: '2 fan-out', metric: 'ingest → frame p99' }));
    expect(rowKey({ scenario: '1 intake', metric: 'created' })).not.toBe(rowKey({ scenario: '3 store', metric: 'created' }));
  });
});

describe('relativeChange and direction', () => {
  it('divides the change by the earlier value', () => {
    expect(relativeChange(200, 300)).toBeCloseTo(0.5);
    expect(relativeChange(200, 100)).toBeCloseTo(-0.5);
    expect(relativeChange(0, 5)).toBeNull();
    expect(relativeChange(null, 5)).toBeNull();
    expect(relativeChange(Number.NaN, 5)).toBeNull();
  });
  it('counts rates better higher and everything else better lower', () => {
    expect(higherIsBetter('req/s')).toBe(true);
    expect(higherIsBetter('frames/s')).toBe(true);
    expect(higherIsBetter('ms')).toBe(false);
    expect(higherIsBetter('KB')).toBe(false);
    expect(higherIsBetter('')).toBe(false);
  });
});

describe('diffReports', () => {
  const before = report('2026-11-25T03:11:44.172Z', [intake(1000, 5000), p50('ingest → frame p50 @ 2000/s', 3), { scenario: '7 bundle', metric: 'gzip', unit: 'KB', ours: 150, baseline: 70 }]);
  const after = report('2026-12-06T00:30:00.000Z', [intake(2500, 5000), p50('ingest → frame p50', 1.5, '7,959 ev/s'), { scenario: '8 agents 10k', metric: 'memory', unit: 'KB', ours: 9, baseline: 4 }]);
  const diff = diffReports(before, after);

  it('pairs rows present in both, with ours, baseline, ratio and verdict before and after', () => {
    expect(diff.changes).toHaveLength(2);
    const [created, latency] = diff.changes;
    expect(created).toMatchObject({ scenario: '1 intake', metric: 'created', before: { ours: 1000, ratio: 0.2, verdict: 'fail' }, after: { ours: 2500, ratio: 0.5, verdict: 'pass' }, improved: true });
    expect(created?.oursChange).toBeCloseTo(1.5);
    expect(created?.ratioChange).toBeCloseTo(1.5);
    expect(latency).toMatchObject({ metric: 'ingest → frame p50', before: { ours: 3, verdict: 'fail' }, after: { ours: 1.5, verdict: 'pass', load: '7,959 ev/s' }, improved: true });
  });

  it('counts a time that grew as worse', () => {
    const slower = diffReports(after, before).changes.find((change) => change.unit === 'ms');
    expect(slower).toMatchObject({ improved: false });
    expect(slower && describeChange(slower)).toBe('+100.0 % worse');
  });

  it('lists the rows only one side has', () => {
    expect(diff.onlyBefore.map((row) => row.scenario)).toEqual(['7 bundle']);
    expect(diff.onlyAfter.map((row) => row.scenario)).toEqual(['8 agents 10k']);
  });

  it('prints one line per shared row with before → after, then the unmatched rows and a tally', () => {
    const text = formatDiff(diff);
    expect(text).toContain('1,000 req/s → 2,500 req/s');
    expect(text).toContain('+150.0 % better');
    expect(text).toContain('0.20× → 0.50×');
    expect(text).toContain('FAIL → PASS');
    expect(text).toContain('ingest → frame p50 (load 7,959 ev/s)');
    expect(text).toMatch(/only before:\n {2}7 bundle \| gzip: 150 KB/);
    expect(text).toMatch(/only after:\n {2}8 agents 10k \| memory: 9 KB/);
    expect(text).toContain('2 rows in both: 0 → 2 pass; 2 better, 0 worse');
  });

  it('shows a load that changed as before → after, and a change below 0.05 % as none', () => {
    const paced = (ours: number, load: string) => report('x', [p50('ingest → frame p50', ours, load)]);
    const text = formatDiff(diffReports(paced(1.5, '2,000 ev/s'), paced(1.5000001, '3,845 ev/s')));
    expect(text).toContain('ingest → frame p50 (load 2,000 ev/s → 3,845 ev/s)');
    expect(text).toContain('±0 %');
  });

  it('warns when a quick run is compared with a full one', () => {
    expect(formatDiff(diffReports(before, report('x', [], 'quick')))).toContain('a full run against a quick run');
  });
});
