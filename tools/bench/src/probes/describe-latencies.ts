import { formatNumber } from '../report/format-number';
import { summarizeLatencies } from '../report/percentile';

/** A probe's one-line summary of latencies in milliseconds: `p50 … / p99 … / max … ms`. */
export function describeLatencies(milliseconds: readonly number[]): string {
  const summary = summarizeLatencies(milliseconds);
  return `p50 ${formatNumber(summary.p50)} / p99 ${formatNumber(summary.p99)} / max ${formatNumber(summary.max)} ms`;
}
