import { tallyReport, type BenchReport } from './bench-report';
import { formatNumber, formatRatio } from './format-number';
import type { EvaluatedRow } from './metric-row';
import { describeMachine } from './machine-info';

const HEADERS = ['scenario', 'metric', 'load', 'ours', 'baseline', 'ratio', 'target', 'result'] as const;
const VERDICT_TEXT = { pass: 'PASS', fail: 'FAIL', info: 'info' } as const;

function withUnit(value: number | null, unit: string): string {
  if (value === null) return '—';
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

export function rowCells(row: EvaluatedRow): string[] {
  return [
    row.scenario,
    row.metric,
    row.load ?? '—',
    withUnit(row.ours, row.unit),
    withUnit(row.baseline, row.unit),
    formatRatio(row.ratio),
    row.targetText || '—',
    VERDICT_TEXT[row.verdict],
  ];
}

/** A plain-text table with aligned columns; numbers are right-aligned. */
export function formatGrid(headers: readonly string[], rows: readonly string[][], rightAligned: ReadonlySet<number>): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((cells) => (cells[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (rightAligned.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join(' | ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('-|-');
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/** The report as printed: machine, table, then every error or skip with its reason, then the tally. */
export function formatReport(report: BenchReport): string {
  const tally = tallyReport(report);
  const lines = [
    `ICC Callbacks benchmark (${report.mode}${report.mode === 'quick' ? ': reduced sizes, verdicts indicative only' : ''}), ${report.startedAt}`,
    `machine: ${describeMachine(report.machine)}`,
    '',
    formatGrid(HEADERS, report.rows.map(rowCells), new Set([3, 4, 5])),
    '',
  ];
  const derivations = report.scenarios.filter((scenario) => scenario.loadDerivation);
  if (derivations.length > 0) lines.push('loads:', ...derivations.map((scenario) => `  ${scenario.id}: ${scenario.loadDerivation}`), '');
  for (const scenario of report.scenarios) {
    if (scenario.status !== 'ok') lines.push(`${scenario.status === 'error' ? 'ERROR' : 'skipped'} ${scenario.id}: ${scenario.message ?? ''}`);
  }
  lines.push(`${tally.pass} pass, ${tally.fail} fail, ${tally.info} info, ${tally.errors} scenario errors, ${tally.skipped} skipped`);
  return lines.join('\n');
}
