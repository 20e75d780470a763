/**
 * How a simulated customer's phone treats one call: picks up (and maybe hangs up later), rings
 * until the platform gives up, is busy, or the call fails in the network.
 */
export type SimCustomerBehaviour =
  | { kind: 'answer'; afterSeconds: number; hangUpAfterSeconds?: number }
  | { kind: 'no-answer'; afterSeconds?: number }
  | { kind: 'busy'; afterSeconds?: number }
  | { kind: 'fail'; afterSeconds?: number };

/** What happens to one call, and when (seconds after it is placed). */
export type SimCallOutcome =
  | { kind: 'answered'; afterSeconds: number; hangUpAfterSeconds?: number }
  | { kind: 'failed'; afterSeconds: number; q850: { code: number; phrase: string }; disconnectType: string };

/** How long an outbound call rings before the platform gives up. */
export const RING_TIMEOUT_SECONDS = 25;

export interface SimTelephony {
  script(phoneNumber: string, calls: readonly SimCustomerBehaviour[]): void;
  /** The outcome of the next call to `phoneNumber`; the last scripted behaviour repeats. */
  nextCall(phoneNumber: string): SimCallOutcome;
}

export function createSimTelephony(defaultBehaviour: SimCustomerBehaviour): SimTelephony {
  const scripts = new Map<string, { calls: SimCustomerBehaviour[]; placed: number }>();
  return {
    script(phoneNumber, calls) {
      scripts.set(phoneNumber, { calls: [...calls], placed: 0 });
    },
    nextCall(phoneNumber) {
      const script = scripts.get(phoneNumber);
      let behaviour = defaultBehaviour;
      if (script && script.calls.length > 0) {
        behaviour = script.calls[Math.min(script.placed, script.calls.length - 1)] ?? defaultBehaviour;
        script.placed += 1;
      }
      switch (behaviour.kind) {
        case 'answer':
          return { kind: 'answered', afterSeconds: behaviour.afterSeconds, ...(behaviour.hangUpAfterSeconds !== undefined ? { hangUpAfterSeconds: behaviour.hangUpAfterSeconds } : {}) };
        case 'no-answer':
          return {
            kind: 'failed',
            afterSeconds: behaviour.afterSeconds ?? RING_TIMEOUT_SECONDS,
            q850: { code: 19, phrase: 'No answer from user (user alerted)' },
            disconnectType: 'timeout',
          };
        case 'busy':
          return { kind: 'failed', afterSeconds: behaviour.afterSeconds ?? 1, q850: { code: 17, phrase: 'User busy' }, disconnectType: 'endpoint' };
        case 'fail':
          return { kind: 'failed', afterSeconds: behaviour.afterSeconds ?? 1, q850: { code: 41, phrase: 'Temporary failure' }, disconnectType: 'error' };
      }
    },
  };
}
