import { createSeededRandom } from '@icc/core';

export interface SchedulerInput {
  count: number;
  seed: number;
}

export interface SchedulerMeasurement {
  insertMs: number;
  drainMs: number;
  totalMs: number;
  /**
   * Memory kept alive by the structure once everything is inserted (after a full GC), in MB: the
   * JS heap plus array buffers, where typed arrays keep their elements outside the heap.
   */
  retainedMb: number;
  drained: number;
  /** False when the items did not come out in due order: the numbers would mean nothing. */
  ordered: boolean;
}

/** What one engine timer carries (`EngineTimer`); the key follows the engine's `<kind>:<id>`. */
export interface BenchTimer {
  kind: 'start';
  targetId: string;
}

export const SCHEDULER_EPOCH = Date.parse('2026-03-10T09:00:00Z');
const WEEK_MS = 7 * 24 * 3600 * 1000;

/** Due times spread over a week from the epoch, in insertion order (random: no lucky sort). */
export function dueTimes(input: SchedulerInput): Float64Array {
  const random = createSeededRandom(input.seed);
  const due = new Float64Array(input.count);
  for (let index = 0; index < input.count; index++) due[index] = SCHEDULER_EPOCH + Math.floor(random() * WEEK_MS);
  return due;
}

export function fullGc(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc to measure retained memory');
  gc();
  gc();
}

/** JS heap used plus array buffers: a typed array's elements live outside the heap, so heap alone flatters them. */
export function heapAndArrayBuffersMb(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 1024 ** 2;
}

export function isNonDecreasing(values: readonly { dueAt: number }[]): boolean {
  for (let index = 1; index < values.length; index++) if ((values[index] as { dueAt: number }).dueAt < (values[index - 1] as { dueAt: number }).dueAt) return false;
  return true;
}
