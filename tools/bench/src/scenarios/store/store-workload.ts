import { performance } from 'node:perf_hooks';
import type { NewIccEvent } from '@icc/protocol';
import { benchAgentId } from '../../fixtures/bench-configuration';
import { benchInteractionIds, handledCallbackBatches } from '../../fixtures/interaction-lifecycle';

export interface StoreInput {
  dataDir: string;
  /** Handled callbacks, each appended as the engine would: six appends, seven events. */
  callbacks: number;
  /** Appenders in flight at once (each works through its own callbacks one append at a time). */
  concurrency: number;
  agents: number;
}

export interface StoreMeasurement {
  events: number;
  appends: number;
  seconds: number;
  eventsPerSecond: number;
  /** Transactions: group commits for ours, explicit ones for the raw baselines. */
  transactions: number;
}

export const STORE_EPOCH = Date.parse('2026-03-10T09:00:00Z');

/** Every callback's appends, in order; callback `n` is handled by agent `n mod agents`. */
export function callbackAppends(input: Pick<StoreInput, 'callbacks' | 'agents'>): NewIccEvent[][][] {
  return Array.from({ length: input.callbacks }, (_, index) =>
    handledCallbackBatches(benchInteractionIds(index), benchAgentId(index % input.agents), STORE_EPOCH + index * 1000),
  );
}

/** The appends in the order `concurrency` lock-stepped appenders would issue them: round by round. */
export function appendRounds(perCallback: NewIccEvent[][][], concurrency: number): NewIccEvent[][][] {
  const rounds: NewIccEvent[][][] = [];
  for (let first = 0; first < perCallback.length; first += concurrency) {
    const group = perCallback.slice(first, first + concurrency);
    const steps = Math.max(...group.map((appends) => appends.length));
    for (let step = 0; step < steps; step++) rounds.push(group.flatMap((appends) => (appends[step] ? [appends[step] as NewIccEvent[]] : [])));
  }
  return rounds;
}

/**
 * `concurrency` appenders, each taking the next callback and awaiting its appends in order, as the
 * engine's handlers would; resolves with the seconds it took and the events and appends written.
 */
export async function runAppenders(perCallback: NewIccEvent[][][], concurrency: number, append: (events: NewIccEvent[]) => Promise<unknown>) {
  let next = 0;
  const appender = async () => {
    for (let index = next++; index < perCallback.length; index = next++) {
      for (const events of perCallback[index] ?? []) await append(events);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, appender));
  const seconds = (performance.now() - started) / 1000;
  const events = perCallback.reduce((sum, appends) => sum + appends.reduce((count, batch) => count + batch.length, 0), 0);
  const appends = perCallback.reduce((sum, appends) => sum + appends.length, 0);
  return { events, appends, seconds, eventsPerSecond: events / seconds };
}
