import type { SeededRandom } from './seeded-random';

export type CallStep = 'answer' | 'busy' | 'no-answer' | 'fail';

/** What the simulated network does on each call to one customer number (the last step repeats). */
export interface TelephonyPlan {
  steps: CallStep[];
  /**
   * Answered calls end by the customer hanging up after eight seconds: after the agent has taken
   * the call (a customer-first agent accepts within one five-second round), before the agent would end it.
   */
  hangsUp: boolean;
}

const FAULTY_PLANS: TelephonyPlan[] = [
  { steps: ['busy', 'answer'], hangsUp: false },
  { steps: ['no-answer', 'answer'], hangsUp: false },
  { steps: ['fail', 'fail', 'answer'], hangsUp: false },
  { steps: ['no-answer'], hangsUp: false },
  { steps: ['busy'], hangsUp: false },
  { steps: ['fail'], hangsUp: false },
  { steps: ['busy', 'no-answer', 'fail'], hangsUp: false },
];

/** Healthy numbers answer (one in ten then hangs up); a `faultRate` share gets one of the faulty plans. */
export function drawTelephonyPlan(random: SeededRandom, faultRate: number): TelephonyPlan {
  if (random.chance(faultRate)) return random.pick(FAULTY_PLANS);
  return { steps: ['answer'], hangsUp: random.chance(0.1) };
}

/** The mock vendor's `TelephonyBehaviour` for a plan. */
export function behaviourOf(plan: TelephonyPlan, random: SeededRandom): unknown {
  const step = (kind: CallStep) => {
    switch (kind) {
      case 'answer':
        return { kind: 'answer', afterSeconds: random.int(2, 6), ...(plan.hangsUp ? { hangUpAfterSeconds: 8 } : {}) };
      case 'busy':
        return { kind: 'busy', afterSeconds: 1 };
      case 'no-answer':
        return { kind: 'no-answer', afterSeconds: 20 };
      case 'fail':
        return { kind: 'fail', afterSeconds: 1 };
    }
  };
  return { kind: 'sequence', steps: plan.steps.map(step) };
}

/** The attempts a plan leads to within `maxAttempts`: the failures in order, then whether one was answered. */
export function expectedAttempts(plan: TelephonyPlan, maxAttempts: number): { failures: Array<'busy' | 'no-answer' | 'failed'>; answered: boolean } {
  const failures: Array<'busy' | 'no-answer' | 'failed'> = [];
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const kind = plan.steps[Math.min(attempt, plan.steps.length - 1)] as CallStep;
    if (kind === 'answer') return { failures, answered: true };
    failures.push(kind === 'fail' ? 'failed' : kind);
  }
  return { failures, answered: false };
}
