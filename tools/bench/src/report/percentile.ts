/** Nearest-rank percentile of values already sorted ascending; NaN for an empty list. */
export function percentileOfSorted(sorted: readonly number[], percent: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (percent <= 0) return sorted[0] as number;
  const rank = Math.ceil((percent / 100) * sorted.length);
  return sorted[Math.min(sorted.length, rank) - 1] as number;
}

export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** Percentiles of a sample (any order; the input is not modified). */
export function summarizeLatencies(values: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(values).sort();
  const list = Array.from(sorted);
  const total = list.reduce((sum, value) => sum + value, 0);
  return {
    count: list.length,
    mean: list.length === 0 ? Number.NaN : total / list.length,
    p50: percentileOfSorted(list, 50),
    p90: percentileOfSorted(list, 90),
    p99: percentileOfSorted(list, 99),
    max: list.length === 0 ? Number.NaN : (list[list.length - 1] as number),
  };
}
