import type { BenchReport } from './bench-report';
import { evaluateRow } from './evaluate-row';
import { formatNumber, formatRatio } from './format-number';
import { formatGrid, formatReport, rowCells } from './format-table';

const machine = { cores: 2, cpuModel: 'AMD EPYC', node: 'v20.20.2', platform: 'linux', memoryGb: 24, firstTouchMbPerSecond: 80, loadAverage: 1.5 };

describe('formatNumber', () => {
  it('picks a precision that suits the magnitude', () => {
    expect(formatNumber(12345.6)).toBe('12,346');
    expect(formatNumber(123.45)).toBe('123.5');
    expect(formatNumber(1.234)).toBe('1.23');
    expect(formatNumber(0.01234)).toBe('0.012');
    expect(formatNumber(42)).toBe('42');
    expect(formatNumber(Number.NaN)).toBe('NaN');
  });

  it('prints ratios with two decimals, big ones whole', () => {
    expect(formatRatio(0.4567)).toBe('0.46×');
    expect(formatRatio(256.4)).toBe('256×');
    expect(formatRatio(null)).toBe('—');
  });
});

describe('formatGrid', () => {
  it('aligns columns, numbers to the right', () => {
    const grid = formatGrid(['name', 'value'], [['a', '1'], ['longer', '100']], new Set([1]));
    expect(grid.split('\n')).toEqual(['name   | value', '-------|------', 'a      |     1', 'longer |   100']);
  });
});

describe('formatReport', () => {
  const report: BenchReport = {
    startedAt: '2026-03-10T09:00:00.000Z',
    mode: 'full',
    machine,
    rows: [
      evaluateRow({ scenario: '1 intake', metric: 'created', unit: 'req/s', ours: 6000, baseline: 10000, target: { min: 5000, minRatio: 0.4 }, load: '1,073 req/s' }),
      evaluateRow({ scenario: '1 intake', metric: 'p50', unit: 'ms', ours: 3, baseline: null }),
    ],
    scenarios: [
      { id: 'intake', title: 'Intake', status: 'ok', seconds: 20, details: {}, loadDerivation: '1,073 req/s = 20 % of the capacity of bare express' },
      { id: 'bundle', title: 'Bundle', status: 'skipped', message: 'no build', seconds: 0, details: {} },
      { id: 'store', title: 'Store', status: 'error', message: 'boom', seconds: 1, details: {} },
    ],
  };

  it('prints the cells of a row with units, ratio and verdict', () => {
    expect(rowCells(report.rows[0] as (typeof report.rows)[0])).toEqual([
      '1 intake',
      'created',
      '1,073 req/s',
      '6,000 req/s',
      '10,000 req/s',
      '0.60×',
      '≥ 5,000 req/s, ≥ 0.40× baseline',
      'PASS',
    ]);
    expect(rowCells(report.rows[1] as (typeof report.rows)[0]).slice(2)).toEqual(['—', '3 ms', '—', '—', '—', 'info']);
  });

  it('names the machine, states how each load was derived, lists errors and skips, and tallies', () => {
    const text = formatReport(report);
    expect(text).toContain('loads:\n  intake: 1,073 req/s = 20 % of the capacity of bare express');
    expect(text).toContain('machine: 2 cores, AMD EPYC, Node v20.20.2');
    expect(text).toContain('ERROR store: boom');
    expect(text).toContain('skipped bundle: no build');
    expect(text).toContain('1 pass, 0 fail, 1 info, 1 scenario errors, 1 skipped');
  });
});
