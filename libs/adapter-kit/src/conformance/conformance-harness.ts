import type { CcaasAdapterV1 } from '@icc/core';
import type { AdapterCapabilities } from '@icc/protocol';
import type { ConformanceWorld } from './conformance-world';

/**
 * How the customer's phone treats one call placed to it.
 * - `answer`: picks up after `afterSeconds`; hangs up by itself after `hangUpAfterSeconds` if given.
 * - `no-answer`: rings until the vendor gives up (the vendor's own ring timeout).
 * - `busy`: the line is busy.
 */
export type CustomerCallScript =
  | { kind: 'answer'; afterSeconds: number; hangUpAfterSeconds?: number }
  | { kind: 'no-answer' }
  | { kind: 'busy' };

/** A failure the simulated vendor API answers with instead of doing the work. */
export interface VendorFault {
  status: 429 | 500 | 503;
  /** How many of the next vendor API calls fail (the ones after succeed again). */
  count: number;
  /** Sent as `Retry-After` (seconds) when given. */
  retryAfterSeconds?: number;
  /**
   * The vendor does the work and then fails to answer (a 500 after its commit): a non-idempotent
   * call sent again would do the work twice. Simulators that cannot do this ignore it.
   */
  afterWork?: boolean;
}

/** One HTTP call the adapter made to the simulated vendor, as the simulator saw it. */
export interface RecordedVendorCall {
  method: string;
  /** Path and query, without the origin: `/api/v2/conversations/callbacks`. */
  url: string;
  /** Status the simulator answered with. */
  status: number;
  /** `world.clock.now()` when the call arrived. */
  at: number;
}

/**
 * The vendor simulator, as the suite drives it. `scriptCustomer` is required; every other hook is
 * optional, but a missing one must be declared in `unsupportedHooks` with the reason, which the
 * suite prints in the title of the scenarios it cannot run (as `todo`).
 */
export interface VendorSimulatorControls {
  /** Calls to `phoneNumber` get these outcomes in turn; the last one repeats for later calls. */
  scriptCustomer(phoneNumber: string, calls: readonly CustomerCallScript[]): void | Promise<void>;
  /** The next `fault.count` vendor API calls fail with `fault.status`. */
  failNextVendorCalls?(fault: VendorFault): void | Promise<void>;
  /** Every vendor API call so far, oldest first. */
  vendorCalls?(): readonly RecordedVendorCall[];
  /** The next event the vendor pushes is delivered twice (at-least-once delivery). */
  duplicateNextVendorEvent?(): void | Promise<void>;
  /** The next `count` events the vendor pushes are delivered in reverse order. */
  reorderNextVendorEvents?(count: number): void | Promise<void>;
  /** Pushes one payload the vendor's schema does not allow (wrong types, unknown event type). */
  deliverMalformedVendorPayload?(): void | Promise<void>;
  /** Sockets and long-lived connections the adapter holds open to the simulator right now. */
  openConnections?(): number;
}

export type OptionalSimulatorHook = Exclude<keyof VendorSimulatorControls, 'scriptCustomer'>;

/** What `createHarness` returns: one adapter (not started) wired to one fresh simulator. */
export interface ConformanceHarness {
  /** Not started: the suite calls `start` with its recording sink and `world.clock`. */
  adapter: CcaasAdapterV1;
  simulator: VendorSimulatorControls;
  /**
   * Resolves once everything in flight has been delivered (HTTP responses, socket messages).
   * Default: a few turns of the event loop, enough for in-process simulators and msw.
   */
  settle?(): Promise<void>;
  /** Closes the simulator (servers, sockets). Called after `adapter.stop()`, even when the test failed. */
  teardown(): void | Promise<void>;
}

/** The integrator's side of `describeAdapterConformance`. */
export interface AdapterConformanceSetup {
  /**
   * The capabilities the adapter declares (checked against `adapter.capabilities`). They are
   * needed before any test runs, because jest decides which tests are skipped when they are defined.
   */
  capabilities: AdapterCapabilities;
  /** Optional simulator hooks this harness cannot offer, each with the reason why. */
  unsupportedHooks?: Partial<Record<OptionalSimulatorHook, string>>;
  /**
   * The vendor cannot deduplicate a callback create (no idempotency key), so after a 500 the
   * adapter must give up with a retryable error rather than risk a second callback. Default false.
   */
  createNotIdempotent?: boolean;
  /** A fresh adapter and simulator for one scenario; `world` says which queues, agents and clock to use. */
  createHarness(world: ConformanceWorld): ConformanceHarness | Promise<ConformanceHarness>;
}
