import { BENCH_TASKS, type BenchTaskName } from './bench-tasks';
import type { ChildMessage } from './child-message';
import { exitOnStop, nextParentMessage, reportFailure, tellParent } from './child-side';

interface TaskMessage extends ChildMessage {
  task: BenchTaskName;
  input: unknown;
}

exitOnStop();
void nextParentMessage<TaskMessage>('task').then(async ({ task, input }) => {
  try {
    const run = BENCH_TASKS[task] as (input: unknown) => unknown;
    if (typeof run !== 'function') throw new Error(`no bench task named ${task}`);
    tellParent({ type: 'result', result: await run(input) });
  } catch (error) {
    reportFailure(error);
  }
});
