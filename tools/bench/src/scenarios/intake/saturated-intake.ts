import { childEntry, type ChildEntry } from '../../process/child-bundles';
import type { ChildMessage } from '../../process/child-message';
import { spawnBenchChild } from '../../process/spawn-bench-child';
import type { ScenarioContext } from '../bench-scenario';
import { runIntakeLoad, type IntakeLoad, type IntakeResult } from './run-intake-load';

/** One intake server in a child process, warmed up, then driven closed-loop as fast as it answers. */
export async function measureSaturatedIntake(context: ScenarioContext, role: string, entry: ChildEntry, extraArgs: string[], load: IntakeLoad & { warmupSeconds: number }): Promise<IntakeResult> {
  const child = spawnBenchChild({ role, entry: await childEntry(entry), args: [context.tempDir(role), ...extraArgs] });
  context.defer(() => child.stop());
  const { url } = await child.next<ChildMessage & { url: string }>('ready');
  await runIntakeLoad(url, { connections: load.connections, seconds: load.warmupSeconds });
  context.log(`${role}: ${load.seconds} s saturated with ${load.connections} connections`);
  const result = await runIntakeLoad(url, load);
  await child.stop();
  return result;
}
