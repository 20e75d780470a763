import type { AdapterConformanceSetup } from './conformance-harness';
import type { ConformanceScenario } from './conformance-scenario';

/** How jest gets a scenario: run it, skip it (feature absent), or list it as a todo (hook unsupported). */
export type ScenarioPlan = { kind: 'run'; title: string } | { kind: 'skip'; title: string } | { kind: 'todo'; title: string };

/** Decided from data only: the declared capabilities, then the declared unsupported hooks. */
export function planScenario(scenario: ConformanceScenario, setup: Pick<AdapterConformanceSetup, 'capabilities' | 'unsupportedHooks'>): ScenarioPlan {
  const absent = scenario.absentFeature?.(setup.capabilities);
  if (absent !== undefined) return { kind: 'skip', title: `${scenario.title} [skipped: ${absent}]` };
  const unsupported = scenario.hooks?.find((hook) => setup.unsupportedHooks?.[hook] !== undefined);
  if (unsupported !== undefined) {
    return { kind: 'todo', title: `${scenario.title} [todo: no simulator.${unsupported}: ${setup.unsupportedHooks?.[unsupported] ?? ''}]` };
  }
  return { kind: 'run', title: scenario.title };
}
