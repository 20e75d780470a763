import { nextState, reduceInteraction } from '@icc/core';
import { INTERACTION_STATE_TRAITS, type Interaction, type NewInteractionEvent } from '@icc/protocol';

/** An interaction event without the fields the planner fills in (ids and time). */
export type PlannedEvent = NewInteractionEvent extends infer E ? (E extends NewInteractionEvent ? Omit<E, 'interactionId' | 'callbackId' | 'at'> : never) : never;

/**
 * Builds the events that take an interaction from what ICC knows to what the vendor reports,
 * folding each into `view` as it goes, so the next step is planned from the state it produced.
 */
export interface EventPlanner {
  /** The interaction with every planned event applied. */
  readonly view: Interaction;
  readonly events: NewInteractionEvent[];
  /** Why planning stopped (a step the state machine does not allow); the rest waits for the next snapshot. */
  readonly stuck: string | undefined;
  can(type: NewInteractionEvent['type']): boolean;
  /** Plans the event if the state machine allows it now; false (and `stuck`) otherwise. */
  emit(event: PlannedEvent): boolean;
}

export function createEventPlanner(view: Interaction, at: string): EventPlanner {
  let current = view;
  let stuck: string | undefined;
  const events: NewInteractionEvent[] = [];
  return {
    get view() {
      return current;
    },
    events,
    get stuck() {
      return stuck;
    },
    can: (type) => nextState(current.mode, current.state, type) !== undefined,
    emit(body) {
      const event = { ...body, interactionId: view.id, callbackId: view.callbackId, at } as NewInteractionEvent;
      try {
        current = reduceInteraction(current, event);
      } catch (error) {
        stuck = error instanceof Error ? error.message : String(error);
        return false;
      }
      events.push(event);
      return true;
    },
  };
}

/**
 * The vendor's hold, mute and recording flags of the live call as ICC events (only while a call is
 * live); a flag the vendor did not report (undefined) changes nothing.
 */
export function planCallFlags(planner: EventPlanner, flags: { held?: boolean; muted?: boolean; recording?: boolean } | undefined): void {
  const { view } = planner;
  if (!flags || !INTERACTION_STATE_TRAITS[view.state].liveCall) return;
  if (flags.held === true && view.state === 'connected') planner.emit({ type: 'interaction.held' });
  if (flags.held === false && view.state === 'on-hold') planner.emit({ type: 'interaction.resumed' });
  if (flags.muted !== undefined && flags.muted !== view.call.muted) planner.emit({ type: 'interaction.muted', muted: flags.muted });
  if (flags.recording !== undefined && flags.recording !== view.call.recording) planner.emit({ type: 'interaction.recording', recording: flags.recording });
}
