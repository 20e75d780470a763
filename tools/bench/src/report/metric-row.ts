/**
 * Bounds a metric must meet. `min`/`max` bound our value (`max` is exclusive: "p99 < 25 ms");
 * `minRatio`/`maxRatio` bound ours ÷ baseline. Every bound present must hold.
 */
export interface MetricTarget {
  min?: number;
  max?: number;
  minRatio?: number;
  maxRatio?: number;
  /** ours − baseline, in the row's unit, at most this ("≤ 10 KB per connection beyond the baseline's"). */
  maxAboveBaseline?: number;
}

/** One line of the results table: one measured quantity of one scenario, ours next to its baseline. */
export interface MetricRow {
  scenario: string;
  metric: string;
  unit: string;
  ours: number;
  /** Null when the baseline has no counterpart for this quantity. */
  baseline: number | null;
  /** Absent: reported for information, never fails. */
  target?: MetricTarget;
  /** The load ours ran at for this row, e.g. "1,240 req/s" or "saturated, 64 conn."; how it was derived is the scenario's `loadDerivation`. */
  load?: string;
}

export type Verdict = 'pass' | 'fail' | 'info';

export interface EvaluatedRow extends MetricRow {
  /** ours ÷ baseline, or null without a (non-zero) baseline. */
  ratio: number | null;
  targetText: string;
  verdict: Verdict;
}
