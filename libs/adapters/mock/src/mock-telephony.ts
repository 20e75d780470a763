import { createSeededRandom, type Clock } from '@icc/core';
import type { TelephonyOutcome } from '@icc/engine';
import type { NewIccEvent } from '@icc/protocol';
import { pickRandomBehaviour } from './pick-random-behaviour';
import type { SingleTelephonyBehaviour, TelephonyBehaviour } from './telephony-behaviour';

export interface MockTelephonyOptions {
  clock: Clock;
  defaultBehaviour: TelephonyBehaviour;
  /** Seeded random behaviour for numbers without one of their own (demos). */
  randomSeed?: number;
  report: (interactionId: string, outcome: TelephonyOutcome) => void;
}

/** The simulated telephone network: rings numbers and reports answers, no-answers and hang-ups. */
export interface MockTelephony {
  setBehaviour(phoneNumber: string, behaviour: TelephonyBehaviour): void;
  clearBehaviours(): void;
  /** Looks at emitted events: places calls for `dialing`, forgets calls that ended. */
  observe(events: readonly NewIccEvent[]): void;
  /** Calls currently ringing or connected. */
  activeCalls(): number;
  stop(): void;
}

export function createMockTelephony(options: MockTelephonyOptions): MockTelephony {
  const behaviours = new Map<string, TelephonyBehaviour>();
  const callsPerNumber = new Map<string, number>();
  const pending = new Map<string, () => void>();
  const random = options.randomSeed === undefined ? undefined : createSeededRandom(options.randomSeed);

  const behaviourFor = (phoneNumber: string): SingleTelephonyBehaviour => {
    const behaviour = behaviours.get(phoneNumber) ?? (random ? pickRandomBehaviour(random) : options.defaultBehaviour);
    // Only a sequence reads the count: counting every number dialed would grow with the traffic.
    if (behaviour.kind !== 'sequence') return behaviour;
    const callIndex = callsPerNumber.get(phoneNumber) ?? 0;
    callsPerNumber.set(phoneNumber, callIndex + 1);
    return behaviour.steps[Math.min(callIndex, behaviour.steps.length - 1)] as SingleTelephonyBehaviour;
  };

  const schedule = (interactionId: string, afterSeconds: number, outcome: TelephonyOutcome, then?: () => void) => {
    pending.get(interactionId)?.();
    const cancel = options.clock.setTimer(options.clock.now() + afterSeconds * 1000, () => {
      pending.delete(interactionId);
      options.report(interactionId, outcome);
      then?.();
    });
    pending.set(interactionId, cancel);
  };

  const placeCall = (interactionId: string, phoneNumber: string) => {
    const behaviour = behaviourFor(phoneNumber);
    switch (behaviour.kind) {
      case 'answer': {
        const hangUp = behaviour.hangUpAfterSeconds;
        schedule(interactionId, behaviour.afterSeconds, 'answered', () => {
          if (hangUp !== undefined) schedule(interactionId, hangUp, 'customer-hangup');
        });
        return;
      }
      case 'no-answer':
        return schedule(interactionId, behaviour.afterSeconds, 'no-answer');
      case 'busy':
        return schedule(interactionId, behaviour.afterSeconds, 'busy');
      case 'fail':
        return schedule(interactionId, behaviour.afterSeconds, 'failed');
    }
  };

  const hangUp = (interactionId: string) => {
    pending.get(interactionId)?.();
    pending.delete(interactionId);
  };

  return {
    setBehaviour: (phoneNumber, behaviour) => {
      behaviours.set(phoneNumber, behaviour);
      callsPerNumber.delete(phoneNumber);
    },
    clearBehaviours: () => {
      behaviours.clear();
      callsPerNumber.clear();
    },
    observe(events) {
      for (const event of events) {
        if (event.type === 'interaction.dialing') placeCall(event.interactionId, event.phoneNumber);
        else if (
          event.type === 'interaction.call-ended' ||
          event.type === 'interaction.closed' ||
          (event.type === 'interaction.dial-failed' && pending.has(event.interactionId))
        ) {
          hangUp(event.interactionId);
        }
      }
    },
    activeCalls: () => pending.size,
    stop() {
      for (const cancel of pending.values()) cancel();
      pending.clear();
    },
  };
}
