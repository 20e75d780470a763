import { runTaskInChild } from '../../process/run-task-in-child';
import type { BenchScenario } from '../bench-scenario';
import type { SchedulerInput } from './scheduler-workload';

const NAME = '4 scheduler';

export const schedulerScenario: BenchScenario = {
  id: 'scheduler',
  title: 'Scheduler: insert N callbacks into the timer queue, then drain them all',
  async run(context) {
    const input: SchedulerInput = { count: context.quick ? 20_000 : 1_000_000, seed: 4 };
    const inChild = (task: 'measureSortedArray' | 'measureTimerQueue') => runTaskInChild(task, input, { execArgv: ['--expose-gc', '--max-old-space-size=4096'] });
    context.log(`scheduler: ${input.count.toLocaleString('en-US')} timers, sorted-array baseline`);
    const baseline = await inChild('measureSortedArray');
    context.log('scheduler: timer queue');
    const ours = await inChild('measureTimerQueue');
    for (const [who, result] of [['ours', ours], ['baseline', baseline]] as const) {
      if (result.drained !== input.count || !result.ordered) throw new Error(`${who} drained ${result.drained} of ${input.count}, ordered=${result.ordered}`);
    }
    // The heap target is for a million timers; a smaller smoke run is held to the same share of it.
    const scale = input.count / 1_000_000;
    const load = `${input.count.toLocaleString('en-US')} timers`;
    return {
      rows: [
        // A ratio, not a time: the sorted array runs on the same machine in the same run (the "< 1.2× sorted array").
        { scenario: NAME, metric: `insert + drain ${input.count.toLocaleString('en-US')}`, unit: 'ms', ours: ours.totalMs, baseline: baseline.totalMs, target: { maxRatio: 1.2 }, load },
        // Heap plus array buffers on both sides: the timer queue keeps its columns in typed arrays, outside the JS heap.
        { scenario: NAME, metric: 'heap + array buffers growth', unit: 'MB', ours: ours.retainedMb, baseline: baseline.retainedMb, target: { max: 300 * scale }, load },
      ],
      loadDerivation: `a fixed count on both sides (${load}, one insert each, then one drain), timed against each other`,
      details: { input, ours, baseline },
    };
  },
};
