import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReportFile, ReportFileError } from './read-report-file';

describe('readReportFile', () => {
  const directory = mkdtempSync(join(tmpdir(), 'bench-compare-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const path = join(directory, name);
    writeFileSync(path, text);
    return path;
  };

  it('reads the committed results file', () => {
    const report = readReportFile(join(__dirname, '../../results/latest.json'));
    expect(report.rows.length).toBeGreaterThan(5);
    expect(report.rows[0]).toMatchObject({ scenario: '1 intake', metric: 'created' });
  });

  it('reads a NaN written as null back as NaN', () => {
    const row = { scenario: 's', metric: 'm', unit: 'ms', ours: null, baseline: null, ratio: null, targetText: '', verdict: 'fail' };
    const machine = { cores: 2, cpuModel: 'x', node: 'v20', platform: 'linux', memoryGb: 1, firstTouchMbPerSecond: 1, loadAverage: 0 };
    const report = readReportFile(file('nan.json', JSON.stringify({ startedAt: 'x', mode: 'quick', machine, rows: [row] })));
    expect(report.rows[0]?.ours).toBeNaN();
  });

  it('names the path and the first wrong field of anything else', () => {
    expect(() => readReportFile(join(directory, 'missing.json'))).toThrow(ReportFileError);
    expect(() => readReportFile(file('text.json', 'not json'))).toThrow(/text\.json is not JSON/);
    expect(() => readReportFile(file('other.json', JSON.stringify({ startedAt: 'x', mode: 'full', machine: {}, rows: [] })))).toThrow(/is not a bench results file: machine\.cores/);
  });
});
