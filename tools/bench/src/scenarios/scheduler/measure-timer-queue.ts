import { performance } from 'node:perf_hooks';
import { createTimerQueue } from '@icc/engine';
import { dueTimes, fullGc, heapAndArrayBuffersMb, isNonDecreasing, type BenchTimer, type SchedulerInput, type SchedulerMeasurement } from './scheduler-workload';

/** Ours: `createTimerQueue` (indexed binary heap over typed arrays), every item scheduled, then one drain at the end of time. */
export function measureTimerQueue(input: SchedulerInput): SchedulerMeasurement {
  const due = dueTimes(input);
  fullGc();
  const retainedBefore = heapAndArrayBuffersMb();
  const started = performance.now();
  const queue = createTimerQueue<BenchTimer>();
  for (let index = 0; index < input.count; index++) {
    const targetId = `cb-${index}`;
    queue.schedule(`start:${targetId}`, due[index] as number, { kind: 'start', targetId });
  }
  const inserted = performance.now();
  fullGc();
  const retainedMb = heapAndArrayBuffersMb() - retainedBefore;
  const drainStarted = performance.now();
  const drained = queue.drainDue(Number.MAX_SAFE_INTEGER);
  const finished = performance.now();
  return {
    insertMs: inserted - started,
    drainMs: finished - drainStarted,
    totalMs: inserted - started + (finished - drainStarted),
    retainedMb,
    drained: drained.length,
    ordered: isNonDecreasing(drained),
  };
}
