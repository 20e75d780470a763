import {
  createFakeClock,
  reduceCallback,
  reduceInteraction,
  silentLogger,
  type AdapterSink,
  type FakeClock,
} from '@icc/core';
import {
  EXAMPLE_PHONE_NUMBERS,
  exampleAgent,
  exampleCreateCallbackRequest,
  exampleQueueConfig,
  isInteractionEvent,
  type Agent,
  type Callback,
  type CreateCallbackRequest,
  type IccEvent,
  type IccEventType,
  type Interaction,
  type NewIccEvent,
  type QueueConfig,
} from '@icc/protocol';
import { createMockAdapter, type MockAdapter } from '../mock-adapter';
import type { MockAdapterConfigInput } from '../mock-config';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const START = '2026-03-09T09:00:00Z';
export const NUMBERS = { first: EXAMPLE_PHONE_NUMBERS.us, second: EXAMPLE_PHONE_NUMBERS.usMobile } as const;
export const QUEUES = { manual: 'q-manual', auto: 'q-auto', customerFirst: 'q-customer-first' } as const;
export const AGENTS = { ada: 'agent-ada', grace: 'agent-grace' } as const;

const ALWAYS_OPEN = { timeZone: 'UTC', weekly: [], closedDates: [] };

/** Around the clock: START is 02:00 for the example customer in Los Angeles, outside the default calling hours. */
const CALL_AROUND_THE_CLOCK = { start: '00:00', end: '24:00' };

export function mockQueues(): QueueConfig[] {
  const base = { businessHours: ALWAYS_OPEN, callingHours: CALL_AROUND_THE_CLOCK, offerTimeoutSeconds: 30, retryPolicy: { maxAttempts: 3, minIntervalSeconds: 300 } };
  return [
    exampleQueueConfig({ ...base, id: QUEUES.manual, name: 'Support' }),
    exampleQueueConfig({ ...base, id: QUEUES.auto, name: 'Support auto', dialMethod: { type: 'auto', countdownSeconds: 15 }, autoCloseSeconds: 60 }),
    exampleQueueConfig({ ...base, id: QUEUES.customerFirst, name: 'Sales', defaultMode: 'customer-first' }),
  ];
}

/** Ada and Grace in every queue, available since before the clock starts. */
export function mockAgents(): Agent[] {
  const queueIds = Object.values(QUEUES);
  return [
    exampleAgent({ id: AGENTS.ada, displayName: 'Ada Lovelace', queueIds, availableSince: '2026-03-09T08:00:00Z' }),
    exampleAgent({ id: AGENTS.grace, displayName: 'Grace Hopper', queueIds, availableSince: '2026-03-09T08:30:00Z' }),
  ];
}

/** The durable log, kept tiny on purpose: it assigns `seq` and remembers; nothing else. */
export interface MemorySink extends AdapterSink {
  readonly events: IccEvent[];
}

export function createMemorySink(): MemorySink {
  const events: IccEvent[] = [];
  return {
    events,
    emit(batch: readonly NewIccEvent[]) {
      const stored = batch.map((event, index) => ({ ...event, seq: events.length + index + 1 }) as IccEvent);
      events.push(...stored);
      return Promise.resolve(stored);
    },
  };
}

/** What a store would hand back after a restart: the fold of the log. */
export function projectLog(events: readonly IccEvent[], agents: readonly Agent[]) {
  const interactions = new Map<string, Interaction>();
  const callbacks = new Map<string, Callback>();
  const presence = new Map(agents.map((agent) => [agent.id, agent]));
  for (const event of events) {
    if (!isInteractionEvent(event)) {
      const agent = presence.get(event.agentId);
      if (agent) presence.set(agent.id, { ...agent, presence: event.presence, ...(event.presence === 'available' ? { availableSince: event.at } : {}) });
      continue;
    }
    interactions.set(event.interactionId, reduceInteraction(interactions.get(event.interactionId), event));
    const callback = reduceCallback(callbacks.get(event.callbackId), event);
    if (callback) callbacks.set(callback.id, callback);
  }
  return {
    interactions,
    callbacks,
    agents: [...presence.values()],
    open: [...interactions.values()].filter((interaction) => interaction.state !== 'closed'),
  };
}

export interface MockRun {
  adapter: MockAdapter;
  clock: FakeClock;
  sink: MemorySink;
  request(n: number, overrides?: Partial<CreateCallbackRequest>): Promise<IccEvent[]>;
  /** Types of the events stored since the last call (or since before `start`). */
  drain(): IccEventType[];
  interaction(id: string): Interaction | undefined;
}

export interface StartOptions {
  config?: MockAdapterConfigInput;
  clock?: FakeClock;
  sink?: MemorySink;
  agents?: Agent[];
  /** Resume from this log, as after a restart. */
  resumeFrom?: readonly IccEvent[];
  beforeStart?: (adapter: MockAdapter) => void;
}

/** Starts a mock adapter on a fake clock and an in-memory sink. */
export async function startMock(options: StartOptions = {}): Promise<MockRun> {
  const clock = options.clock ?? createFakeClock(START);
  const sink = options.sink ?? createMemorySink();
  const baseAgents = options.agents ?? mockAgents();
  const projection = projectLog(options.resumeFrom ?? [], baseAgents);
  const adapter = createMockAdapter(options.config ?? {});
  options.beforeStart?.(adapter);
  // What `start` itself stores (a restart's reconciliation) is the first thing `drain` shows.
  let drained = sink.events.length;
  await adapter.start({
    sink,
    clock,
    logger: silentLogger,
    queues: mockQueues(),
    agents: projection.agents,
    openInteractions: projection.open,
    getCallback: (id) => projection.callbacks.get(id),
  });
  return {
    adapter,
    clock,
    sink,
    request: (n, overrides = {}) =>
      adapter.requestCallback(exampleCreateCallbackRequest({ queueId: QUEUES.manual, ...overrides }), {
        callbackId: `cb-${n}`,
        interactionId: `ix-${n}`,
        number: `CB${String(n).padStart(7, '0')}`,
      }),
    drain() {
      const fresh = sink.events.slice(drained).map((event) => event.type);
      drained = sink.events.length;
      return fresh;
    },
    interaction: (id) => projectLog(sink.events, baseAgents).interactions.get(id),
  };
}
