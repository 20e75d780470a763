import fc from 'fast-check';
import type { RoutingMode, SelectablePresence } from '@icc/protocol';
import type { CallbackActor } from '@icc/core';
import type { TelephonyOutcome } from '../engine-types';

/**
 * One thing that can happen to the engine, as plain data. Targets are picked by index among
 * what exists when the action runs, so any sequence is meaningful whatever happened before.
 */
export type ModelAction =
  | {
      kind: 'request';
      queue: number;
      mode?: RoutingMode;
      /** Minutes from now; undefined = ASAP. Negative = a start already passed. */
      startInMinutes?: number;
      windowMinutes?: number;
      expireInMinutes?: number;
      twoNumbers: boolean;
      retryPolicy?: { maxAttempts: number; minIntervalSeconds: number };
    }
  | { kind: 'presence'; agent: number; presence: SelectablePresence }
  /** A command of the agent on one of their interactions: allowed (`allowed`) or deliberately not. */
  | { kind: 'command'; agent: number; pick: number; type: number; argument: number; allowed: boolean }
  /** Any command by any agent on any interaction: mostly forbidden or invalid. */
  | { kind: 'stray-command'; agent: number; pick: number; type: number; argument: number }
  | { kind: 'telephony'; pick: number; outcome: TelephonyOutcome }
  | { kind: 'tick'; milliseconds: number }
  | { kind: 'cancel'; pick: number; actor: CallbackActor }
  | { kind: 'reschedule'; pick: number; inMinutes: number }
  /** The process stops and comes back `downtimeMs` later from what it had persisted. */
  | { kind: 'restart'; downtimeMs: number };

const SELECTABLE: SelectablePresence[] = ['available', 'available', 'available', 'away', 'offline'];
const OUTCOMES: TelephonyOutcome[] = ['answered', 'answered', 'answered', 'answered', 'no-answer', 'busy', 'failed', 'voicemail', 'customer-hangup'];

const scheduled = fc.record(
  { startInMinutes: fc.integer({ min: -10, max: 90 }), windowMinutes: fc.integer({ min: 1, max: 60 }) },
  { requiredKeys: ['startInMinutes'] },
);

const request: fc.Arbitrary<ModelAction> = fc
  .tuple(
    fc.record(
      {
        // One request in ten names an unknown queue.
        queue: fc.nat({ max: 9 }).map((roll) => (roll === 9 ? 4 : roll % 4)),
        mode: fc.constantFrom<RoutingMode>('agent-first', 'customer-first'),
        expireInMinutes: fc.integer({ min: 1, max: 600 }),
        twoNumbers: fc.boolean(),
        retryPolicy: fc.record({ maxAttempts: fc.integer({ min: 1, max: 3 }), minIntervalSeconds: fc.integer({ min: 0, max: 900 }) }),
      },
      { requiredKeys: ['queue', 'twoNumbers'] },
    ),
    fc.option(scheduled, { freq: 3 }),
  )
  .map(([fields, schedule]) => ({ kind: 'request' as const, ...fields, ...(schedule ?? {}) }));

/** Mostly seconds, sometimes minutes, now and then hours (business hours, expiry, schedules). */
const tick: fc.Arbitrary<ModelAction> = fc
  .oneof(
    { weight: 5, arbitrary: fc.integer({ min: 0, max: 60_000 }) },
    { weight: 3, arbitrary: fc.integer({ min: 60_000, max: 20 * 60_000 }) },
    { weight: 1, arbitrary: fc.integer({ min: 20 * 60_000, max: 6 * 3_600_000 }) },
  )
  .map((milliseconds) => ({ kind: 'tick' as const, milliseconds }));

export const arbitraryAction: fc.Arbitrary<ModelAction> = fc.oneof(
  { weight: 6, arbitrary: request },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('presence' as const), agent: fc.nat({ max: 2 }), presence: fc.constantFrom(...SELECTABLE) }),
  },
  {
    weight: 16,
    arbitrary: fc.record({
      kind: fc.constant('command' as const),
      agent: fc.nat({ max: 2 }),
      pick: fc.nat({ max: 63 }),
      type: fc.nat({ max: 63 }),
      argument: fc.nat({ max: 63 }),
      // Mostly allowed commands, so runs reach the deep states; one in five is a disallowed one.
      allowed: fc.nat({ max: 4 }).map((roll) => roll > 0),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('stray-command' as const),
      agent: fc.nat({ max: 2 }),
      pick: fc.nat({ max: 63 }),
      type: fc.nat({ max: 63 }),
      argument: fc.nat({ max: 63 }),
    }),
  },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('telephony' as const), pick: fc.nat({ max: 63 }), outcome: fc.constantFrom(...OUTCOMES) }) },
  { weight: 3, arbitrary: tick },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat({ max: 63 }), actor: fc.constantFrom<CallbackActor>('api', 'customer', 'agent') }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reschedule' as const), pick: fc.nat({ max: 63 }), inMinutes: fc.integer({ min: -5, max: 240 }) }) },
);

export function arbitraryScript(maxLength = 100): fc.Arbitrary<ModelAction[]> {
  return fc.array(arbitraryAction, { minLength: 1, maxLength, size: 'max' });
}

/** A script with one restart somewhere in it. */
export function arbitraryScriptWithRestart(maxLength = 100): fc.Arbitrary<ModelAction[]> {
  return fc
    .tuple(arbitraryScript(maxLength), fc.nat(), fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 15 * 60_000 })))
    .map(([actions, at, downtimeMs]) => {
      const index = at % (actions.length + 1);
      return [...actions.slice(0, index), { kind: 'restart' as const, downtimeMs }, ...actions.slice(index)];
    });
}
