import type { MetricRow } from '../report/metric-row';

export interface ScenarioContext {
  /** Smoke sizes: seconds, not minutes; the numbers only prove the path works. */
  quick: boolean;
  repoRoot: string;
  /** Rebuild the workspace bundle even when `dist/apps/workspace` exists. */
  rebuildWorkspace: boolean;
  log(message: string): void;
  /** A fresh directory, removed when the scenario ends. */
  tempDir(prefix: string): string;
  /** Runs when the scenario ends, also when it throws (last registered first): stop children, close sockets. */
  defer(cleanup: () => unknown): void;
}

export interface ScenarioMeasurement {
  rows: MetricRow[];
  details: Record<string, unknown>;
  /** How the load each row states was chosen, e.g. "a fixed fraction of the baseline's capacity measured in this run". */
  loadDerivation?: string;
  /** Set when the scenario could not measure ours (e.g. nothing to measure yet): the reason. */
  skipped?: string;
}

/** One comparison of our code against its baseline; both run in the same harness run. */
export interface BenchScenario {
  id: string;
  title: string;
  run(context: ScenarioContext): Promise<ScenarioMeasurement>;
}
