import type { AdapterConformanceSetup } from './conformance-harness';
import { startConformanceRun } from './conformance-run';
import type { ConformanceScenario } from './conformance-scenario';
import { CONFORMANCE_SCENARIOS } from './conformance-scenarios';
import { describeProgress } from './describe-progress';
import { planScenario } from './plan-scenario';
import type { RecordingSink } from './recording-sink';

/** Fake time costs nothing; this bounds real work (HTTP round trips to msw, socket messages). */
const SCENARIO_TIMEOUT_MS = 30_000;

/**
 * The conformance suite every vendor adapter runs through its simulator (docs/architecture.md,
 * "How an adapter plugs in"): one jest test per scenario, each with a fresh adapter, simulator and
 * fake clock from `setup`.
 * A scenario is skipped only when `setup.capabilities` says the feature is absent, and is a todo
 * only when the harness declared the simulator hook it needs unsupported; both titles say why.
 */
export function describeAdapterConformance(
  name: string,
  setup: AdapterConformanceSetup,
  scenarios: readonly ConformanceScenario[] = CONFORMANCE_SCENARIOS,
): void {
  describe(`ICC adapter conformance: ${name}`, () => {
    for (const scenario of scenarios) {
      const plan = planScenario(scenario, setup);
      if (plan.kind === 'skip') test.skip(plan.title, () => undefined);
      else if (plan.kind === 'todo') test.todo(plan.title);
      else test(plan.title, () => runScenario(setup, scenario), SCENARIO_TIMEOUT_MS);
    }
  });
}

async function runScenario(setup: AdapterConformanceSetup, scenario: ConformanceScenario): Promise<void> {
  const run = await startConformanceRun(setup);
  let failure: unknown;
  try {
    await scenario.run(run, setup.capabilities);
    if (run.sink.violations.length > 0) {
      throw new Error(`The adapter emitted events the ICC contract does not allow:\n  ${run.sink.violations.join('\n  ')}`);
    }
  } catch (error) {
    failure = error;
  }
  try {
    await run.close();
  } catch (error) {
    failure ??= error;
  }
  if (failure !== undefined) throw withProgress(failure, run.sink);
}

/** Adds what the adapter did so far to a failure, unless the message already says it. */
function withProgress(failure: unknown, sink: RecordingSink): unknown {
  if (!(failure instanceof Error) || failure.message.includes('Latest events:')) return failure;
  failure.message = `${failure.message}\n\n${describeProgress(sink)}`;
  return failure;
}
