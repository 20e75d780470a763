import type { Interaction, QueueConfig, ServerFrame } from '@icc/protocol';
import { applyServerFrame, upsertInteraction, upsertQueue } from './apply-server-frame';
import { EMPTY_INTERACTION_STORE_STATE, type InteractionStoreState } from './interaction-store-state';

/** UI state over the agent stream; `subscribe` + `getState` fit React's `useSyncExternalStore`. */
export interface InteractionStore {
  /** The same object until something changes. */
  getState(): InteractionStoreState;
  subscribe(listener: () => void): () => void;
  apply(frame: ServerFrame): void;
  /** Folds an interaction obtained elsewhere (REST command answer, `getInteraction`) unless a newer one is held. */
  upsertInteraction(interaction: Interaction): void;
  /** Folds a queue configuration from a REST answer (a version the user just saved) unless a newer one is held. */
  upsertQueue(queue: QueueConfig): void;
  /** Back to empty (sign-out). */
  reset(): void;
}

export function createInteractionStore(initial: InteractionStoreState = EMPTY_INTERACTION_STORE_STATE): InteractionStore {
  let state = initial;
  const listeners = new Set<() => void>();

  function replace(next: InteractionStoreState): void {
    if (next === state) return;
    state = next;
    for (const listener of [...listeners]) listener();
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    apply: (frame) => replace(applyServerFrame(state, frame)),
    upsertInteraction: (interaction) => replace(upsertInteraction(state, interaction)),
    upsertQueue: (queue) => replace(upsertQueue(state, queue)),
    reset: () => replace(EMPTY_INTERACTION_STORE_STATE),
  };
}
