import { exampleInteractionEvent, type IccEventOf, type Interaction, type InteractionEvent, type InteractionEventType } from '@icc/protocol';
import { reduceInteraction } from './reduce-interaction';

// Helpers shared by the state-machine tests (not exported from the package).

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Events of one story, numbered from seq 1 and each 10 s after the previous unless `at` is given. */
export function story(start: string) {
  let seq = 0;
  let clock = Date.parse(start);
  return <Type extends InteractionEventType>(type: Type, fields: Partial<IccEventOf<Type>> = {}): IccEventOf<Type> => {
    seq += 1;
    const at = (fields as { at?: string }).at ?? new Date(clock).toISOString();
    clock = Date.parse(at) + 10_000;
    return exampleInteractionEvent(type, { ...fields, seq, at });
  };
}

/** Folds deep-frozen events one by one, returning every intermediate view (each deep-frozen too). */
export function foldAll(events: InteractionEvent[]): Interaction[] {
  const views: Interaction[] = [];
  let current: Interaction | undefined;
  for (const event of events) {
    current = deepFreeze(reduceInteraction(current, deepFreeze(event)));
    views.push(current);
  }
  return views;
}

export function lastOf(views: Interaction[]): Interaction {
  const last = views[views.length - 1];
  if (!last) throw new Error('no events folded');
  return last;
}

