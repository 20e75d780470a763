import { exampleCreateCallbackRequest, exampleCustomer } from '@icc/protocol';
import { BENCH_QUEUE_ID } from '../../fixtures/bench-configuration';

/**
 * The `n`th caller's number: a valid San Francisco (+1 415) number of its own. Queues refuse a
 * second open callback of the same number (409 `duplicate_callback`, the default of one per number),
 * so every request of the load must come from another caller, as at a real IVR.
 */
export function benchCallerNumber(n: number): string {
  const exchange = 200 + (n % 800);
  const line = Math.floor(n / 800) % 10_000;
  return `+1415${exchange}${String(line).padStart(4, '0')}`;
}

/** A realistic public intake body (IVR callback request with customer, reason, IVR path, attributes) from caller `n`. */
export function intakeRequestBody(n = 0): string {
  return JSON.stringify(
    exampleCreateCallbackRequest({
      queueId: BENCH_QUEUE_ID,
      customer: exampleCustomer({ phoneNumbers: [benchCallerNumber(n)] }),
      notes: 'Customer called twice this week; prefers the mobile number.',
      accountRef: 'AC-99120',
      attributes: { productModel: 'AX-3000', firmware: '4.2.1', ivrLanguage: 'en', segment: 'consumer' },
    }),
  );
}

let callers = 0;

/**
 * The next caller of this harness process: every load phase (warm-up, paced, saturated) against
 * the same server draws from one sequence, so no phase repeats an earlier phase's caller.
 */
export function nextCaller(): number {
  return ++callers;
}
