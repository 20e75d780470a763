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
export function callbackAppends(input: StoreInput): NewIccEvent[][][] {
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
