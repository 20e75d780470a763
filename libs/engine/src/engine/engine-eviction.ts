import { forgetUnusedQueueVersions } from './engine-queue-configs';
import { reofferTimerKey, type EngineState } from './engine-state';

/**
 * Forgets the interactions one engine call closed, once all its events are applied and routed.
 * The event store keeps them (it is the read model); the engine keeps a small record of each
 * (`state.closed`), so late commands on them are refused as before. A callback goes with the
 * interaction that carries it; a transfer's sender closes while its receiver carries it on.
 */
export function forgetClosed(state: EngineState, closedInteractionIds: readonly string[]): void {
  for (const interactionId of closedInteractionIds) {
    const interaction = state.interactions.get(interactionId);
    if (interaction?.state !== 'closed') continue;
    state.closed.rememberInteraction(interaction);
    state.interactions.delete(interactionId);
    // Closing already took it out of the waiting lists, holds, directed transfers, declines and
    // its own timers (`syncInteraction`); only a decline's cool-down timer is keyed elsewhere.
    state.timers.cancel(reofferTimerKey(interactionId));
    const callback = state.callbacks.get(interaction.callbackId);
    if (callback?.interactionId !== interactionId) continue;
    state.closed.rememberCallback(callback);
    state.callbacks.delete(callback.id);
  }
  if (closedInteractionIds.length > 0) forgetUnusedQueueVersions(state);
}
