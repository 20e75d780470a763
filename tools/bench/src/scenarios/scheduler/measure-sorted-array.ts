import { performance } from 'node:perf_hooks';
import { dueTimes, fullGc, heapAndArrayBuffersMb, isNonDecreasing, type BenchTimer, type SchedulerInput, type SchedulerMeasurement } from './scheduler-workload';

interface Scheduled {
  key: string;
  dueAt: number;
  item: BenchTimer;
}

/**
 * Baseline: push everything into an array, sort it once, then take items off the front as they
 * fall due. The front is a read cursor: V8's `Array#shift` moves the whole array on every call
 * at this size (100,000 shifts took 16 s here), so the cursor is the best case of this design.
 */
export function measureSortedArray(input: SchedulerInput): SchedulerMeasurement {
  const due = dueTimes(input);
  fullGc();
  const retainedBefore = heapAndArrayBuffersMb();
  const started = performance.now();
  const timers: Scheduled[] = [];
  for (let index = 0; index < input.count; index++) {
    const targetId = `cb-${index}`;
    timers.push({ key: `start:${targetId}`, dueAt: due[index] as number, item: { kind: 'start', targetId } });
  }
  const inserted = performance.now();
  fullGc();
  const retainedMb = heapAndArrayBuffersMb() - retainedBefore;
  const drainStarted = performance.now();
  timers.sort((a, b) => a.dueAt - b.dueAt);
  const drained: Scheduled[] = [];
  const now = Number.MAX_SAFE_INTEGER;
  let head = 0;
  while (head < timers.length && (timers[head] as Scheduled).dueAt <= now) drained.push(timers[head++] as Scheduled);
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
