import type { Clock } from '@icc/core';
import { createTimerSet } from '../skeleton/timer-set';
import { createRecentIds } from './recent-ids';

export interface UnplacedFactsOptions<Fact> {
  clock: Clock;
  /** How long facts about an unknown vendor object wait for the answer that names it before the vendor is asked. */
  waitMs: number;
  /** Objects with parked facts at most (the oldest is dropped), and objects known to be foreign remembered. */
  capacity: number;
  /** Asks the vendor whose the object is and, if ours, places it and applies the facts; resolves false when it is not ours. */
  resolve(objectId: string, facts: Fact[]): Promise<boolean>;
  /** Background work (the lifecycle's `track`). */
  track(work: Promise<unknown>): void;
}

export interface UnplacedFacts<Fact> {
  /** A fact about a vendor object the adapter cannot place yet (an event that overtook the answer naming it); dropped when it is foreign. */
  park(objectId: string, fact: Fact): void;
  /** The object is placed: its parked facts, to apply now (and no vendor question). */
  placed(objectId: string): Fact[];
  clear(): void;
}

/**
 * Facts a push stream delivers about vendor objects (contacts, conversations) before the adapter
 * knows them. They wait `waitMs` for the adapter's own answer that names the object; then the
 * vendor is asked; an object that is not ours (or cannot be read) is remembered as foreign so its
 * further facts cost nothing.
 */
export function createUnplacedFacts<Fact>(options: UnplacedFactsOptions<Fact>): UnplacedFacts<Fact> {
  const parked = new Map<string, Fact[]>();
  const foreign = createRecentIds(options.capacity);
  const timers = createTimerSet(options.clock);
  const take = (objectId: string) => {
    const facts = parked.get(objectId) ?? [];
    parked.delete(objectId);
    timers.cancel(objectId);
    return facts;
  };
  const ask = (objectId: string) => {
    const facts = take(objectId);
    const ours = facts.length > 0 && options.resolve(objectId, facts).catch(() => false);
    if (ours) options.track(ours.then((placed) => placed || foreign.remember(objectId)));
  };
  return {
    park(objectId, fact) {
      if (foreign.has(objectId)) return;
      parked.set(objectId, [...(parked.get(objectId) ?? []), fact]);
      timers.set(objectId, options.clock.now() + options.waitMs, () => ask(objectId));
      if (parked.size > options.capacity) take(parked.keys().next().value as string);
    },
    placed: take,
    clear() {
      timers.clear();
      parked.clear();
    },
  };
}
