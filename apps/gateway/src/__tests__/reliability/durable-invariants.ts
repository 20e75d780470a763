import { isDeepStrictEqual } from 'node:util';
import { INTERACTION_TRANSITIONS, reduceInteraction } from '@icc/core';
import { isInteractionEvent, type IccEvent, type Interaction, type InteractionState } from '@icc/protocol';
import type { DurableState } from './durable-state';

/** A command the gateway answered 2xx: the view it returned must be durable. */
export interface AcknowledgedCommand {
  interactionId: string;
  seq: number;
  state: InteractionState;
}

export function eventsByInteraction(events: readonly IccEvent[]): Map<string, IccEvent[]> {
  const grouped = new Map<string, IccEvent[]>();
  for (const event of events) {
    if (!isInteractionEvent(event)) continue;
    const list = grouped.get(event.interactionId) ?? [];
    list.push(event);
    grouped.set(event.interactionId, list);
  }
  return grouped;
}

/** Folds an interaction's events (oldest first) up to `untilSeq`; throws what `reduceInteraction` throws. */
export function refold(events: readonly IccEvent[], untilSeq = Number.MAX_SAFE_INTEGER): Interaction | undefined {
  let view: Interaction | undefined;
  for (const event of events) {
    if (event.seq > untilSeq) break;
    if (isInteractionEvent(event)) view = reduceInteraction(view, event);
  }
  return view;
}

/**
 * The log is gap-free; every interaction re-folds from its events without error to exactly its
 * read model, in a state the transition table knows; every callback has its interaction.
 */
export function logProblems(state: DurableState): string[] {
  const problems: string[] = [];
  state.events.forEach((event, index) => {
    if (event.seq !== index + 1) problems.push(`log: event #${index + 1} has seq ${event.seq}`);
  });
  const grouped = eventsByInteraction(state.events);
  for (const [interactionId, events] of grouped) {
    const projected = state.interactions.get(interactionId);
    if (!projected) {
      problems.push(`interaction ${interactionId}: ${events.length} events but no read model`);
      continue;
    }
    let folded: Interaction | undefined;
    try {
      folded = refold(events);
    } catch (error) {
      problems.push(`interaction ${interactionId}: its events do not re-fold (${(error as Error).message})`);
      continue;
    }
    if (!isDeepStrictEqual(folded, projected)) problems.push(`interaction ${interactionId}: read model differs from the fold of its events`);
    if (INTERACTION_TRANSITIONS[projected.mode]?.[projected.state] === undefined) {
      problems.push(`interaction ${interactionId}: state ${projected.mode}/${projected.state} is not in the table`);
    }
  }
  for (const interactionId of state.interactions.keys()) {
    if (!grouped.has(interactionId)) problems.push(`interaction ${interactionId}: read model without events`);
  }
  for (const callback of state.callbacks.values()) {
    if (!state.interactions.has(callback.interactionId)) problems.push(`callback ${callback.number}: interaction ${callback.interactionId} is missing`);
  }
  return problems;
}

/** Every acknowledged callback is there, once, under its key; every acknowledged command's result is in the log. */
export function acknowledgementProblems(
  state: DurableState,
  callbacks: ReadonlyMap<string, string>,
  commands: readonly AcknowledgedCommand[],
): string[] {
  const problems: string[] = [];
  for (const [key, callbackId] of callbacks) {
    const stored = state.callbackIdByKey.get(key);
    if (stored !== callbackId) problems.push(`acknowledged callback ${key} → ${callbackId} is stored as ${stored ?? 'nothing'}`);
    else if (!state.callbacks.has(callbackId)) problems.push(`acknowledged callback ${key} → ${callbackId} has no row`);
  }
  const numbers = new Set([...state.callbacks.values()].map((callback) => callback.number));
  if (numbers.size !== state.callbacks.size) problems.push('two callbacks share a number');
  const grouped = eventsByInteraction(state.events);
  for (const command of commands) {
    let view: Interaction | undefined;
    try {
      view = refold(grouped.get(command.interactionId) ?? [], command.seq);
    } catch {
      view = undefined;
    }
    if (view?.seq !== command.seq || view.state !== command.state) {
      problems.push(`acknowledged command on ${command.interactionId} (seq ${command.seq}, ${command.state}) is not in the log`);
    }
  }
  return problems;
}
