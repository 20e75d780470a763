import { isInteractionEvent, type Callback, type Interaction, type NewIccEvent, type NewInteractionEvent } from '@icc/protocol';
import { reduceCallback, reduceInteraction } from '@icc/core';

/** Interactions and callbacks by id, as the engine or the event store sees them. */
export interface Views {
  interactions: Map<string, Interaction>;
  callbacks: Map<string, Callback>;
}

export const emptyViews = (): Views => ({ interactions: new Map(), callbacks: new Map() });

/** Folds one interaction event into the views, as the event store does; throws on an illegal one. */
export function foldInteractionEvent(views: Views, event: NewInteractionEvent): void {
  views.interactions.set(event.interactionId, reduceInteraction(views.interactions.get(event.interactionId), event));
  const callback = reduceCallback(views.callbacks.get(event.callbackId), event);
  if (callback) views.callbacks.set(callback.id, callback);
}

/** What the event store would hold after `log`: closed interactions and callbacks included. */
export function foldLog(log: readonly NewIccEvent[]): Views {
  const views = emptyViews();
  for (const event of log) if (isInteractionEvent(event)) foldInteractionEvent(views, event);
  return views;
}
