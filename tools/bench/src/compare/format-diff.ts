import { formatNumber, formatRatio } from '../report/format-number';
import { formatGrid } from '../report/format-table';
import { describeMachine } from '../report/machine-info';
import type { EvaluatedRow } from '../report/metric-row';
import type { ReportDiff, RowChange } from './diff-reports';

const HEADERS = ['scenario', 'metric', 'ours before → after', 'change', 'baseline before → after', 'ratio before → after', 'result before → after'] as const;
const VERDICT_TEXT = { pass: 'PASS', fail: 'FAIL', info: 'info' } as const;

function value(number: number | null, unit = ''): string {
  if (number === null) return '—';
  return unit ? `${formatNumber(number)} ${unit}` : formatNumber(number);
}

/** "+12.3 % better", "−4.0 % worse", "±0 %"; "—" without a base to compare to. */
export function describeChange(change: RowChange): string {
  if (change.oursChange === null) return '—';
  const percent = change.oursChange * 100;
  if (change.improved === null || Math.abs(percent) < 0.05) return '±0 %';
  const sign = percent > 0 ? '+' : '−';
  return `${sign}${Math.abs(percent).toFixed(1)} % ${change.improved ? 'better' : 'worse'}`;
}

function arrow(before: string, after: string): string {
  return before === after ? after : `${before} → ${after}`;
}

export function changeCells(change: RowChange): string[] {
  const { before, after } = change;
  // Older files have no load field (it was part of the metric, or not stated): show the new one alone.
  const load = before.load === undefined || after.load === undefined ? (after.load ?? before.load) : arrow(before.load, after.load);
  const metric = load === undefined ? change.metric : `${change.metric} (load ${load})`;
  return [
    change.scenario,
    metric,
    arrow(value(change.before.ours, change.unit), value(change.after.ours, change.unit)),
    describeChange(change),
    arrow(value(change.before.baseline, change.unit), value(change.after.baseline, change.unit)),
    arrow(formatRatio(change.before.ratio), formatRatio(change.after.ratio)),
    arrow(VERDICT_TEXT[change.before.verdict], VERDICT_TEXT[change.after.verdict]),
  ];
}

const listRow = (row: EvaluatedRow) => `  ${row.scenario} | ${row.metric}: ${value(row.ours, row.unit)}`;

/** The diff as printed: both runs' machines, the table of matched rows, then the rows only one side has. */
export function formatDiff(diff: ReportDiff): string {
  const lines = [
    `before: ${diff.before.startedAt} (${diff.before.mode}), ${describeMachine(diff.before.machine)}`,
    `after:  ${diff.after.startedAt} (${diff.after.mode}), ${describeMachine(diff.after.machine)}`,
  ];
  if (diff.before.mode !== diff.after.mode) lines.push(`note: a ${diff.before.mode} run against a ${diff.after.mode} run: sizes differ, compare ratios, not absolute figures`);
  lines.push('', diff.changes.length > 0 ? formatGrid(HEADERS, diff.changes.map(changeCells), new Set([2, 3, 4, 5])) : 'no row is in both files');
  if (diff.onlyBefore.length > 0) lines.push('', 'only before:', ...diff.onlyBefore.map(listRow));
  if (diff.onlyAfter.length > 0) lines.push('', 'only after:', ...diff.onlyAfter.map(listRow));
  const verdicts = (pick: (change: RowChange) => string) => diff.changes.filter((change) => pick(change) === 'pass').length;
  lines.push(
    '',
    `${diff.changes.length} rows in both: ${verdicts((change) => change.before.verdict)} → ${verdicts((change) => change.after.verdict)} pass; ` +
      `${diff.changes.filter((change) => change.improved === true).length} better, ${diff.changes.filter((change) => change.improved === false).length} worse`,
  );
  return lines.join('\n');
}
