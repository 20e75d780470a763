import { deriveLoad, describeDerivedLoad, loadLabel, type DerivedLoad } from '../../report/derived-load';
import { formatNumber } from '../../report/format-number';
import { searchSaturation, type SaturationSearch } from '../../report/saturation-search';
import { childEntry, type ChildEntry } from '../../process/child-bundles';
import type { ChildMessage } from '../../process/child-message';
import { spawnBenchChild } from '../../process/spawn-bench-child';
import type { BenchScenario, ScenarioContext } from '../bench-scenario';
import { runIntakeLoad, type IntakeLoad, type IntakeResult } from './run-intake-load';
import { runPacedIntake, type PacedIntakeResult } from './run-paced-intake';

const NAME = '1 intake';
/**
 * Latency is measured at 20 % of bare express's capacity: half of the throughput target (0.40×),
 * so a gateway that just meets that target runs at half its own capacity there, not saturated.
 */
const LATENCY_LOAD_FRACTION = 0.2;
const P99_LIMIT_MS = 25;

interface SideResult {
  saturated: IntakeResult;
  paced: PacedIntakeResult;
  /** Ours only: the highest rate (down to 1/64 of the derived one) at which p99 stayed under the limit. */
  search?: SaturationSearch;
}

interface Phases {
  saturated: IntakeLoad;
  warmupSeconds: number;
  pacedSeconds: number;
  search: { steps: number; seconds: number };
}

/**
 * One server: warm-up, then its capacity (closed loop, as fast as it answers) and the paced load.
 * The baseline's paced rate comes from its own capacity, so it measures that first; ours's rate is
 * known up front, so ours runs paced first: its latency is not taken behind a saturation's backlog.
 */
async function measureServer(context: ScenarioContext, role: string, entry: ChildEntry, phases: Phases, pacedLoad: DerivedLoad | ((capacity: number) => DerivedLoad)): Promise<SideResult & { load: DerivedLoad }> {
  const child = spawnBenchChild({ role, entry: await childEntry(entry), args: [context.tempDir(role)] });
  context.defer(() => child.stop());
  const { url } = await child.next<ChildMessage & { url: string }>('ready');
  context.log(`intake: ${role} at ${url}: warm-up ${phases.warmupSeconds} s`);
  await runIntakeLoad(url, { ...phases.saturated, seconds: phases.warmupSeconds });
  const runSaturated = () => {
    context.log(`intake: ${role}: ${phases.saturated.seconds} s saturated with ${phases.saturated.connections} connections`);
    return runIntakeLoad(url, phases.saturated);
  };
  const runPaced = (load: DerivedLoad) => {
    context.log(`intake: ${role}: paced at ${describeDerivedLoad(load)}, ${phases.pacedSeconds} s`);
    return runPacedIntake(url, { requestsPerSecond: load.rate, seconds: phases.pacedSeconds, connections: phases.saturated.connections });
  };
  let result: SideResult & { load: DerivedLoad };
  if (typeof pacedLoad === 'function') {
    const saturated = await runSaturated();
    const load = pacedLoad(saturated.requestsPerSecond);
    result = { saturated, load, paced: await runPaced(load) };
  } else {
    const paced = await runPaced(pacedLoad);
    // The paced phase is the search's first probe; the others are shorter runs at lower rates.
    const search = await searchSaturation(
      async (rate) => {
        if (rate === pacedLoad.rate) return paced.latency.p99;
        context.log(`intake: ${role}: search, ${formatNumber(rate)} req/s for ${phases.search.seconds} s`);
        return (await runPacedIntake(url, { requestsPerSecond: rate, seconds: phases.search.seconds, connections: phases.saturated.connections })).latency.p99;
      },
      { high: pacedLoad.rate, low: pacedLoad.rate / 64, limit: P99_LIMIT_MS, steps: phases.search.steps },
    );
    result = { paced, load: pacedLoad, search, saturated: await runSaturated() };
  }
  await child.stop();
  return result;
}

export const intakeScenario: BenchScenario = {
  id: 'intake',
  title: 'Intake: POST /v1/callbacks on the real gateway (sqlite, mock vendor) vs bare express',
  async run(context) {
    const phases: Phases = {
      saturated: { connections: 64, seconds: context.quick ? 1.5 : 10 },
      warmupSeconds: context.quick ? 0.5 : 3,
      pacedSeconds: context.quick ? 1.5 : 10,
      search: { steps: context.quick ? 3 : 5, seconds: context.quick ? 1 : 3 },
    };
    const fromExpress = (capacity: number) => deriveLoad(capacity, LATENCY_LOAD_FRACTION, 'req/s', `bare express (${phases.saturated.connections} connections, closed loop)`);
    const baseline = await measureServer(context, 'intake-express', 'scenarios/intake/express-intake-child.ts', phases, fromExpress);
    // Ours at the same rate as the baseline's paced phase: both fractions of the baseline's capacity.
    const ours = await measureServer(context, 'intake-gateway', 'scenarios/intake/gateway-intake-child.ts', phases, baseline.load);
    const paced = loadLabel(baseline.load);
    const saturated = `saturated, ${phases.saturated.connections} conn.`;
    return {
      rows: [
        { scenario: NAME, metric: 'created', unit: 'req/s', ours: ours.saturated.requestsPerSecond, baseline: baseline.saturated.requestsPerSecond, target: { minRatio: 0.4 }, load: saturated },
        { scenario: NAME, metric: 'latency p99', unit: 'ms', ours: ours.paced.latency.p99, baseline: baseline.paced.latency.p99, target: { max: P99_LIMIT_MS }, load: paced },
        { scenario: NAME, metric: 'latency p50', unit: 'ms', ours: ours.paced.latency.p50, baseline: baseline.paced.latency.p50, load: paced },
        {
          scenario: NAME,
          metric: 'non-201 answers/errors',
          unit: '',
          ours: ours.saturated.failures + ours.paced.failures,
          baseline: baseline.saturated.failures + baseline.paced.failures,
          target: { max: 1 },
          load: 'both phases',
        },
        {
          scenario: NAME,
          metric: `rate held at p99 < ${P99_LIMIT_MS} ms`,
          unit: 'req/s',
          ours: ours.search?.rate ?? 0,
          baseline: null,
          load: `search ≤ ${paced}`,
        },
        { scenario: NAME, metric: 'paced requests unanswered', unit: '', ours: ours.paced.unanswered, baseline: baseline.paced.unanswered, load: paced },
      ],
      loadDerivation:
        `created: both servers saturated (${phases.saturated.connections} keep-alive connections, closed loop, ${phases.saturated.seconds} s after ${phases.warmupSeconds} s warm-up); ` +
        `latency: open loop for ${phases.pacedSeconds} s at ${describeDerivedLoad(baseline.load)}, the same rate for both (ours paced before saturated, the baseline after: it needs its capacity first); answers are awaited ${phases.pacedSeconds} s after the last send at most, the rest is aborted and counted at the time waited; ` +
        `rate held: ours's saturation point, the highest rate whose p99 stayed under ${P99_LIMIT_MS} ms in a search of ${phases.search.steps} paced runs (the paced phase, then ${phases.search.seconds} s each, down to 1/64 of it; 0: none held)`,
      details: { phases, latencyLoad: baseline.load, ours, baseline },
    };
  },
};
