import type { SingleTelephonyBehaviour } from './telephony-behaviour';

/** A realistic mix for demos: most customers answer within seconds, some never, a few are busy. */
export function pickRandomBehaviour(random: () => number): SingleTelephonyBehaviour {
  const roll = random();
  if (roll < 0.7) return { kind: 'answer', afterSeconds: 2 + Math.round(random() * 6), hangUpAfterSeconds: 60 + Math.round(random() * 240) };
  if (roll < 0.9) return { kind: 'no-answer', afterSeconds: 15 };
  if (roll < 0.97) return { kind: 'busy', afterSeconds: 1 };
  return { kind: 'fail', afterSeconds: 1 };
}
