import type { CcaasAdapterV1, NewCallbackIdentity } from '@icc/core';
import {
  exampleCreateCallbackRequest,
  exampleCustomer,
  type Agent,
  type AgentCommand,
  type CallbackSchedule,
  type CreateCallbackRequest,
  type IccEvent,
  type Interaction,
  type InteractionState,
  type QueueConfig,
} from '@icc/protocol';
import type {
  AdapterConformanceSetup,
  ConformanceHarness,
  OptionalSimulatorHook,
  VendorSimulatorControls,
} from './conformance-harness';
import { createConformanceWorld, type ConformanceWorld } from './conformance-world';
import { describeProgress } from './describe-progress';
import { createRecordingLogger, type RecordingLogger } from './recording-logger';
import { createRecordingSink, type RecordingSink } from './recording-sink';
import { createTimerTrackingClock, type TimerTrackingClock } from './timer-tracking-clock';

export interface WaitOptions {
  /** Fake time the wait may take before it fails; default 120 s. */
  withinSeconds?: number;
  /** Fake time advanced between checks; default 1 s. */
  stepSeconds?: number;
}

export interface RequestOptions {
  queue: QueueConfig;
  /** The customer's callback numbers; default both `world.phoneNumbers`. */
  phoneNumbers?: string[];
  schedule?: CallbackSchedule;
  expireAt?: string;
  /** Keep the callback for this agent ("call me back Tuesday"). */
  assignedAgentId?: string;
  identity?: NewCallbackIdentity;
}

export interface RequestedCallback {
  callbackId: string;
  interactionId: string;
  events: IccEvent[];
}

export type Settled<T> = { settled: false } | { settled: true; value: T } | { settled: true; error: unknown };

/** One scenario's world: a started adapter, its simulator and what the adapter emitted. */
export interface ConformanceRun {
  readonly world: ConformanceWorld;
  readonly adapter: CcaasAdapterV1;
  readonly simulator: VendorSimulatorControls;
  readonly sink: RecordingSink;
  readonly logger: RecordingLogger;
  readonly clock: TimerTrackingClock;
  /** `setup.createNotIdempotent`: a create that failed with a 500 is not sent again. */
  readonly createNotIdempotent: boolean;
  /** ISO instant `seconds` from now on the fake clock. */
  inSeconds(seconds: number): string;
  newIdentity(): NewCallbackIdentity;
  /** The example request (Maya's router problem) in `options.queue`. */
  buildRequest(options: RequestOptions): CreateCallbackRequest;
  request(options: RequestOptions): Promise<RequestedCallback>;
  available(...agents: Agent[]): Promise<void>;
  execute(agent: Agent, command: AgentCommand): Promise<IccEvent[]>;
  /** The interaction as folded from the events so far; fails the scenario when there is none. */
  interaction(interactionId: string): Interaction;
  eventsOf(interactionId: string): IccEvent[];
  /** An optional simulator hook, or a failure that says how to provide it. */
  hook<Name extends OptionalSimulatorHook>(name: Name): NonNullable<VendorSimulatorControls[Name]>;
  settle(): Promise<void>;
  /** Advances the fake clock step by step (never sleeping) until `condition` holds. */
  waitFor(what: string, condition: () => boolean, options?: WaitOptions): Promise<void>;
  waitForState(interactionId: string, state: InteractionState, options?: WaitOptions): Promise<Interaction>;
  /** Lets `seconds` of fake time pass, step by step, delivering what falls due. */
  passTime(seconds: number, options?: { stepSeconds?: number }): Promise<void>;
  /** Tracks a promise so `waitFor` can drive the clock until it settles. */
  track<T>(promise: Promise<T>): () => Settled<T>;
  stopAdapter(): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_SETTLE_TURNS = 5;

async function yieldToEventLoop(turns: number): Promise<void> {
  for (let turn = 0; turn < turns; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export async function startConformanceRun(setup: AdapterConformanceSetup): Promise<ConformanceRun> {
  const world = createConformanceWorld();
  const harness: ConformanceHarness = await setup.createHarness(world);
  const sink = createRecordingSink();
  const logger = createRecordingLogger();
  const clock = createTimerTrackingClock(world.clock);
  const { adapter, simulator } = harness;
  let sequence = 0;
  let stopped = false;

  const settle = () => (harness.settle ? harness.settle() : yieldToEventLoop(DEFAULT_SETTLE_TURNS));

  const interaction = (interactionId: string): Interaction => {
    const found = sink.interaction(interactionId);
    if (!found) throw new Error(`The adapter emitted nothing about interaction ${interactionId}\n${describeProgress(sink)}`);
    return found;
  };

  const waitFor = async (what: string, condition: () => boolean, options: WaitOptions = {}) => {
    const { withinSeconds = 120, stepSeconds = 1 } = options;
    const deadline = world.clock.now() + withinSeconds * 1000;
    for (;;) {
      await settle();
      if (condition()) return;
      if (world.clock.now() >= deadline) {
        throw new Error(`Waited ${withinSeconds} s of fake time for ${what}, in vain.\n${describeProgress(sink)}`);
      }
      world.clock.advance(stepSeconds * 1000);
    }
  };

  const stopAdapter = async () => {
    if (stopped) return;
    stopped = true;
    await adapter.stop();
  };

  const run: ConformanceRun = {
    world,
    adapter,
    simulator,
    sink,
    logger,
    clock,
    createNotIdempotent: setup.createNotIdempotent ?? false,
    inSeconds: (seconds) => new Date(world.clock.now() + seconds * 1000).toISOString(),
    newIdentity() {
      sequence += 1;
      return { callbackId: `cb-conf-${sequence}`, interactionId: `ix-conf-${sequence}`, number: `CB${String(sequence).padStart(7, '0')}` };
    },
    buildRequest(options) {
      const phoneNumbers = options.phoneNumbers ?? [world.phoneNumbers.primary, world.phoneNumbers.secondary];
      return exampleCreateCallbackRequest({
        queueId: options.queue.id,
        customer: exampleCustomer({ phoneNumbers }),
        schedule: options.schedule ?? { type: 'asap' },
        ...(options.expireAt !== undefined ? { expireAt: options.expireAt } : {}),
        ...(options.assignedAgentId !== undefined ? { assignedAgentId: options.assignedAgentId } : {}),
      });
    },
    async request(options) {
      const identity = options.identity ?? run.newIdentity();
      const events = await adapter.requestCallback(run.buildRequest(options), identity);
      await settle();
      return { callbackId: identity.callbackId, interactionId: identity.interactionId, events };
    },
    async available(...agents) {
      for (const agent of agents) await adapter.setPresence(agent.id, 'available');
      await settle();
    },
    async execute(agent, command) {
      const events = await adapter.execute(agent.id, command);
      await settle();
      return events;
    },
    interaction,
    eventsOf: (interactionId) =>
      sink.events.filter((event) => event.type !== 'agent.presence-changed' && event.interactionId === interactionId),
    hook(name) {
      const hook = simulator[name];
      if (typeof hook !== 'function') {
        throw new Error(`The harness has no simulator.${name}: implement it, or declare why in unsupportedHooks.${name}`);
      }
      return hook.bind(simulator) as NonNullable<VendorSimulatorControls[typeof name]>;
    },
    settle,
    waitFor,
    async waitForState(interactionId, state, options) {
      await waitFor(`interaction ${interactionId} to be ${state}`, () => sink.interaction(interactionId)?.state === state, options);
      return interaction(interactionId);
    },
    async passTime(seconds, options = {}) {
      const stepMs = (options.stepSeconds ?? 1) * 1000;
      const until = world.clock.now() + seconds * 1000;
      while (world.clock.now() < until) {
        world.clock.advance(Math.min(stepMs, until - world.clock.now()));
        await settle();
      }
    },
    track<T>(promise: Promise<T>) {
      let state: Settled<T> = { settled: false };
      promise.then(
        (value) => {
          state = { settled: true, value };
        },
        (error: unknown) => {
          state = { settled: true, error };
        },
      );
      return () => state;
    },
    stopAdapter,
    async close() {
      try {
        await stopAdapter();
      } finally {
        await harness.teardown();
      }
    },
  };

  try {
    await adapter.start({
      sink,
      clock,
      logger,
      queues: world.queueList,
      agents: world.agentList,
      openInteractions: [],
      getCallback: (callbackId) => sink.callback(callbackId),
    });
    await settle();
  } catch (error) {
    // A half-started adapter may already hold sockets or timers: give it the chance to let go.
    await Promise.resolve()
      .then(() => stopAdapter())
      .catch(() => undefined);
    await harness.teardown();
    throw error;
  }
  return run;
}
