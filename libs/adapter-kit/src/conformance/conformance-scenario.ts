import type { AdapterCapabilities } from '@icc/protocol';
import type { OptionalSimulatorHook } from './conformance-harness';
import type { ConformanceRun } from './conformance-run';

/** One behaviour every adapter shows through its simulator, as one jest test. */
export interface ConformanceScenario {
  title: string;
  /**
   * Why an adapter with these capabilities does not have the feature (the test is skipped and
   * its title says so); undefined when the scenario applies.
   */
  absentFeature?(capabilities: AdapterCapabilities): string | undefined;
  /** Optional simulator hooks the scenario drives; declared-unsupported ones make it a todo. */
  hooks?: readonly OptionalSimulatorHook[];
  run(run: ConformanceRun, capabilities: AdapterCapabilities): Promise<void>;
}
