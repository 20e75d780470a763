import type { NewIccEvent } from '@icc/protocol';
import { applyEvent, type EngineState } from './engine-state';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event as a handler writes it: `at` is filled in from the emitter's clock reading. */
export type EventDraft = DistributiveOmit<NewIccEvent, 'at'>;

/** Collects the events of one engine call, folding each into the state as it is emitted. */
export interface EngineEmitter {
  readonly state: EngineState;
  readonly now: number;
  emit(draft: EventDraft): void;
  readonly events: NewIccEvent[];
  /** Interactions this call closed, to be forgotten once it is done with them. */
  readonly closedInteractionIds: string[];
}

export function createEmitter(state: EngineState, now: number): EngineEmitter {
  const events: NewIccEvent[] = [];
  const closedInteractionIds: string[] = [];
  const at = new Date(now).toISOString();
  return {
    state,
    now,
    events,
    closedInteractionIds,
    emit(draft) {
      const event = { ...draft, at } as NewIccEvent;
      applyEvent(state, event, now);
      events.push(event);
      if (event.type === 'interaction.closed') closedInteractionIds.push(event.interactionId);
    },
  };
}
