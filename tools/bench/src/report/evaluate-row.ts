import { formatNumber } from './format-number';
import type { EvaluatedRow, MetricRow, MetricTarget } from './metric-row';

export function ratioOf(ours: number, baseline: number | null): number | null {
  return baseline === null || baseline === 0 || !Number.isFinite(baseline) ? null : ours / baseline;
}

/** "≥ 5,000 req/s, ≥ 0.40× baseline"; empty without a target. */
export function describeTarget(target: MetricTarget | undefined, unit: string): string {
  if (!target) return '';
  const parts: string[] = [];
  const withUnit = (value: number) => `${formatNumber(value)}${unit ? ` ${unit}` : ''}`;
  if (target.min !== undefined) parts.push(`≥ ${withUnit(target.min)}`);
  if (target.max !== undefined) parts.push(`< ${withUnit(target.max)}`);
  if (target.minRatio !== undefined) parts.push(`≥ ${target.minRatio.toFixed(2)}× baseline`);
  if (target.maxRatio !== undefined) parts.push(`≤ ${target.maxRatio.toFixed(2)}× baseline`);
  if (target.maxAboveBaseline !== undefined) parts.push(`≤ baseline + ${withUnit(target.maxAboveBaseline)}`);
  return parts.join(', ');
}

/** A ratio bound without a baseline to divide by cannot be met: it fails rather than passing silently. */
export function meetsTarget(ours: number, ratio: number | null, target: MetricTarget, baseline: number | null = null): boolean {
  if (!Number.isFinite(ours)) return false;
  if (target.min !== undefined && !(ours >= target.min)) return false;
  if (target.max !== undefined && !(ours < target.max)) return false;
  if (target.minRatio !== undefined && (ratio === null || !(ratio >= target.minRatio))) return false;
  if (target.maxRatio !== undefined && (ratio === null || !(ratio <= target.maxRatio))) return false;
  if (target.maxAboveBaseline !== undefined && (baseline === null || !(ours - baseline <= target.maxAboveBaseline))) return false;
  return true;
}

export function evaluateRow(row: MetricRow): EvaluatedRow {
  const ratio = ratioOf(row.ours, row.baseline);
  const verdict = row.target ? (meetsTarget(row.ours, ratio, row.target, row.baseline) ? 'pass' : 'fail') : 'info';
  return { ...row, ratio, targetText: describeTarget(row.target, row.unit), verdict };
}
