import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ScenarioReport } from './report/bench-report';
import { evaluateRow } from './report/evaluate-row';
import type { EvaluatedRow } from './report/metric-row';
import type { BenchScenario, ScenarioContext } from './scenarios/bench-scenario';

export interface ScenarioSettings {
  quick: boolean;
  repoRoot: string;
  rebuildWorkspace: boolean;
  log(message: string): void;
}

/** Runs one scenario with its own temp dirs and cleanups; an error becomes a reported outcome, not a crash. */
export async function runScenario(scenario: BenchScenario, settings: ScenarioSettings): Promise<{ report: ScenarioReport; rows: EvaluatedRow[] }> {
  const cleanups: Array<() => unknown> = [];
  const context: ScenarioContext = {
    ...settings,
    tempDir(prefix) {
      const directory = mkdtempSync(join(tmpdir(), `icc-bench-${prefix}-`));
      cleanups.push(() => rmSync(directory, { recursive: true, force: true }));
      return directory;
    },
    defer: (cleanup) => cleanups.push(cleanup),
  };
  const loadAverageAtStart = Math.round((loadavg()[0] ?? 0) * 10) / 10;
  const started = performance.now();
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;
  try {
    const measurement = await scenario.run(context);
    const status = measurement.skipped ? 'skipped' : 'ok';
    return {
      report: { id: scenario.id, title: scenario.title, status, ...(measurement.skipped ? { message: measurement.skipped } : {}), ...(measurement.loadDerivation ? { loadDerivation: measurement.loadDerivation } : {}), seconds: seconds(), details: { loadAverageAtStart, ...measurement.details } },
      rows: measurement.rows.map(evaluateRow),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    settings.log(`${scenario.id} failed: ${error instanceof Error && error.stack ? error.stack : message}`);
    return { report: { id: scenario.id, title: scenario.title, status: 'error', message: message.split('\n')[0] ?? message, seconds: seconds(), details: {} }, rows: [] };
  } finally {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        settings.log(`${scenario.id}: cleanup failed: ${String(error)}`);
      }
    }
  }
}
