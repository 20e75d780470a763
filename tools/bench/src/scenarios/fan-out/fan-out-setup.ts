import { reduceInteraction } from '@icc/core';
import type { Interaction, InteractionEvent, NewIccEvent } from '@icc/protocol';
import { benchAgentId } from '../../fixtures/bench-configuration';
import { benchInteractionIds, connectEvents, createdEvent, type BenchInteractionIds } from '../../fixtures/interaction-lifecycle';
import { BENCH_PUSH_VENDOR } from './bench-push-adapter';

export interface FanOutCalls {
  /** Agent `n` handles `interactions[n]`, connected to its customer. */
  interactions: BenchInteractionIds[];
  /** The vendor events that put every call in `connected`, in deliveries small enough for the 64 KB webhook limit. */
  deliveries: NewIccEvent[][];
  /** Interaction id → its view once connected (what the raw baseline attaches to its frames). */
  views: Record<string, Interaction>;
}

const CALLS_PER_DELIVERY = 15;

export function planFanOutCalls(agents: number, startedAt: number): FanOutCalls {
  const interactions = Array.from({ length: agents }, (_, index) => benchInteractionIds(index, 'fan'));
  const perCall = interactions.map((ids, index) => [createdEvent(ids, startedAt, BENCH_PUSH_VENDOR), ...connectEvents(ids, benchAgentId(index), startedAt)]);
  const deliveries: NewIccEvent[][] = [];
  for (let first = 0; first < perCall.length; first += CALLS_PER_DELIVERY) deliveries.push(perCall.slice(first, first + CALLS_PER_DELIVERY).flat());
  const views: Record<string, Interaction> = {};
  let seq = 0;
  for (const events of perCall) {
    let view: Interaction | undefined;
    for (const event of events) view = reduceInteraction(view, { ...event, seq: ++seq } as InteractionEvent);
    if (view) views[view.id] = view;
  }
  return { interactions, deliveries, views };
}
