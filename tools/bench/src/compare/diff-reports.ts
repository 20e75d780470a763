import type { BenchReport } from '../report/bench-report';
import type { EvaluatedRow, Verdict } from '../report/metric-row';

/** One row's figures in one report. */
export interface RowSide {
  ours: number;
  baseline: number | null;
  ratio: number | null;
  verdict: Verdict;
  load?: string;
}

/** A row present in both reports: its figures before and after, and the relative change of ours. */
export interface RowChange {
  scenario: string;
  metric: string;
  unit: string;
  before: RowSide;
  after: RowSide;
  /** (after − before) ÷ before of ours; null when before is 0 or not a number. */
  oursChange: number | null;
  ratioChange: number | null;
  /** Whether ours moved the good way for its unit (rates up, times and sizes down); null when unchanged. */
  improved: boolean | null;
}

export interface ReportDiff {
  before: Pick<BenchReport, 'startedAt' | 'mode' | 'machine'>;
  after: Pick<BenchReport, 'startedAt' | 'mode' | 'machine'>;
  changes: RowChange[];
  onlyBefore: EvaluatedRow[];
  onlyAfter: EvaluatedRow[];
}

/**
 * Rows match on scenario and metric. Older reports wrote a row's load into its metric after " @ "
 * ("ingest → frame p50 @ 2000/s"); the load now has its own field, so that tail is not part of the key.
 */
export function rowKey(row: Pick<EvaluatedRow, 'scenario' | 'metric'>): string {
  const at = row.metric.indexOf(' @ ');
  return `${row.scenario}\u0000${(at < 0 ? row.metric : row.metric.slice(0, at)).trim()}`;
}

/** Rates (anything per second) are better higher; times, sizes and counts are better lower. */
export function higherIsBetter(unit: string): boolean {
  return unit.includes('/s');
}

export function relativeChange(before: number | null, after: number | null): number | null {
  if (before === null || after === null || !Number.isFinite(before) || !Number.isFinite(after) || before === 0) return null;
  return (after - before) / Math.abs(before);
}

function side(row: EvaluatedRow): RowSide {
  return { ours: row.ours, baseline: row.baseline, ratio: row.ratio, verdict: row.verdict, ...(row.load === undefined ? {} : { load: row.load }) };
}

function improvement(unit: string, before: number, after: number): boolean | null {
  if (!Number.isFinite(before) || !Number.isFinite(after) || before === after) return null;
  return higherIsBetter(unit) ? after > before : after < before;
}

const header = (report: BenchReport) => ({ startedAt: report.startedAt, mode: report.mode, machine: report.machine });

/** Every row of `after` against the row of `before` with the same key, in `after`'s order; unmatched rows of either side listed apart. */
export function diffReports(before: BenchReport, after: BenchReport): ReportDiff {
  const earlier = new Map(before.rows.map((row) => [rowKey(row), row]));
  const laterKeys = new Set(after.rows.map(rowKey));
  const changes: RowChange[] = [];
  const onlyAfter: EvaluatedRow[] = [];
  for (const row of after.rows) {
    const old = earlier.get(rowKey(row));
    if (!old) {
      onlyAfter.push(row);
      continue;
    }
    changes.push({
      scenario: row.scenario,
      metric: row.metric,
      unit: row.unit,
      before: side(old),
      after: side(row),
      oursChange: relativeChange(old.ours, row.ours),
      ratioChange: relativeChange(old.ratio, row.ratio),
      improved: improvement(row.unit, old.ours, row.ours),
    });
  }
  return { before: header(before), after: header(after), changes, onlyBefore: before.rows.filter((row) => !laterKeys.has(rowKey(row))), onlyAfter };
}
