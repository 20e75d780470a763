import type { EngineState } from './engine-state';
import type { EngineFootprint } from './engine-types';

export function measureFootprint(state: EngineState): EngineFootprint {
  const total = (sizes: Iterable<{ size: number }>) => [...sizes].reduce((sum, { size }) => sum + size, 0);
  return {
    interactions: state.interactions.size,
    callbacks: state.callbacks.size,
    waiting: total(state.waiting.values()),
    customerOnLine: state.customerOnLine.size,
    directedTo: state.directedTo.size,
    timers: state.timers.size,
    holds: total(state.holds.values()),
    holderOf: state.holderOf.size,
    declinedAt: state.declinedAt.size,
    idleSince: state.idleSince.size,
    queueVersions: state.queueVersions.size,
    rememberedClosed: state.closed.size,
  };
}
