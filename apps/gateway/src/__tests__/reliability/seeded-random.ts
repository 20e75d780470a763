import { createSeededRandom as createSeededNumbers } from '@icc/core';

/** A reproducible random source (core's mulberry32) with the few draws the reliability suites need. */
export interface SeededRandom {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

export function createSeededRandom(seed: number): SeededRandom {
  const next = createSeededNumbers(seed);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    chance: (probability) => next() < probability,
  };
}

/**
 * The seed of one suite: `ICC_RELIABILITY_SEED` when set (to replay a failure), else a fresh one.
 * Printed either way, so a failing CI run can be reproduced.
 */
export function reliabilitySeed(suite: string): number {
  const configured = process.env['ICC_RELIABILITY_SEED'];
  const seed = configured !== undefined && configured !== '' ? Number(configured) : Math.floor(Math.random() * 2 ** 31);
  if (!Number.isSafeInteger(seed)) throw new Error(`ICC_RELIABILITY_SEED must be an integer (got ${configured})`);
  process.stdout.write(`[${suite}] seed ${seed} (replay with ICC_RELIABILITY_SEED=${seed})\n`);
  return seed;
}
