import type { EvaluatedRow } from './metric-row';
import type { MachineInfo } from './machine-info';

export type ScenarioStatus = 'ok' | 'error' | 'skipped';

/** How one scenario went, besides its rows: failures and skips are reported, never hidden. */
export interface ScenarioReport {
  id: string;
  title: string;
  status: ScenarioStatus;
  /** Why it errored or was skipped. */
  message?: string;
  seconds: number;
  /** How the loads of its rows were chosen (printed under the table). */
  loadDerivation?: string;
  /** Sizes used and secondary figures (latency spreads, commit counts…), for whoever digs deeper. */
  details: Record<string, unknown>;
}

/** The whole run: what `results/latest.json` holds and what the table prints. */
export interface BenchReport {
  startedAt: string;
  mode: 'full' | 'quick';
  machine: MachineInfo;
  rows: EvaluatedRow[];
  scenarios: ScenarioReport[];
}

export interface ReportTally {
  pass: number;
  fail: number;
  info: number;
  errors: number;
  skipped: number;
}

export function tallyReport(report: BenchReport): ReportTally {
  const count = (verdict: EvaluatedRow['verdict']) => report.rows.filter((row) => row.verdict === verdict).length;
  return {
    pass: count('pass'),
    fail: count('fail'),
    info: count('info'),
    errors: report.scenarios.filter((scenario) => scenario.status === 'error').length,
    skipped: report.scenarios.filter((scenario) => scenario.status === 'skipped').length,
  };
}
