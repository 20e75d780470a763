import type { BenchTaskInput, BenchTaskName, BenchTaskResult } from './bench-tasks';
import { childEntry } from './child-bundles';
import type { ChildMessage } from './child-message';
import { spawnBenchChild } from './spawn-bench-child';

export interface TaskOptions {
  execArgv?: string[];
  timeoutMs?: number;
}

/**
 * Runs one bench task in a fresh node process and resolves with its result: each measurement
 * starts with a cold heap and its own JIT, free of the harness's garbage.
 */
export async function runTaskInChild<Name extends BenchTaskName>(task: Name, input: BenchTaskInput<Name>, options: TaskOptions = {}): Promise<BenchTaskResult<Name>> {
  const child = spawnBenchChild({ role: task, entry: await childEntry('process/task-child.ts'), execArgv: options.execArgv ?? [] });
  try {
    child.send({ type: 'task', task, input });
    const { result } = await child.next<ChildMessage & { result: BenchTaskResult<Name> }>('result', options.timeoutMs ?? 300_000);
    return result;
  } finally {
    await child.stop();
  }
}
