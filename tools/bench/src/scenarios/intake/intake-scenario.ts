import { childEntry, type ChildEntry } from '../../process/child-bundles';
import type { ChildMessage } from '../../process/child-message';
import { spawnBenchChild } from '../../process/spawn-bench-child';
import type { BenchScenario, ScenarioContext } from '../bench-scenario';
import { runIntakeLoad, type IntakeLoad, type IntakeResult } from './run-intake-load';

const NAME = '1 intake';

async function measureServer(context: ScenarioContext, role: string, entry: ChildEntry, load: IntakeLoad, warmupSeconds: number): Promise<IntakeResult> {
  const child = spawnBenchChild({ role, entry: await childEntry(entry), args: [context.tempDir(role)] });
  context.defer(() => child.stop());
  const { url } = await child.next<ChildMessage & { url: string }>('ready');
  context.log(`intake: ${role} at ${url}: warm-up ${warmupSeconds} s, then ${load.seconds} s with ${load.connections} connections`);
  await runIntakeLoad(url, { ...load, seconds: warmupSeconds });
  const result = await runIntakeLoad(url, load);
  await child.stop();
  return result;
}

export const intakeScenario: BenchScenario = {
  id: 'intake',
  title: 'Intake: POST /v1/callbacks on the real gateway (sqlite, mock vendor) vs bare express',
  async run(context) {
    const load: IntakeLoad = { connections: 64, seconds: context.quick ? 1.5 : 10 };
    const warmup = context.quick ? 0.5 : 3;
    const baseline = await measureServer(context, 'intake-express', 'scenarios/intake/express-intake-child.ts', load, warmup);
    const ours = await measureServer(context, 'intake-gateway', 'scenarios/intake/gateway-intake-child.ts', load, warmup);
    return {
      rows: [
        { scenario: NAME, metric: 'created', unit: 'req/s', ours: ours.requestsPerSecond, baseline: baseline.requestsPerSecond, target: { min: 5000, minRatio: 0.4 } },
        { scenario: NAME, metric: 'latency p99', unit: 'ms', ours: ours.latencyP99Ms, baseline: baseline.latencyP99Ms, target: { max: 25 } },
        { scenario: NAME, metric: 'latency p50', unit: 'ms', ours: ours.latencyP50Ms, baseline: baseline.latencyP50Ms },
        { scenario: NAME, metric: 'non-201 answers/errors', unit: '', ours: ours.failures, baseline: baseline.failures, target: { max: 1 } },
      ],
      details: { load, warmupSeconds: warmup, ours, baseline },
    };
  },
};
