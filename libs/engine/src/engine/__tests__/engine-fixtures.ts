import {
  EXAMPLE_PHONE_NUMBERS,
  FULL_CAPABILITIES,
  exampleAgent,
  isInteractionEvent,
  exampleCreateCallbackRequest,
  exampleQueueConfig,
  type AdapterCapabilities,
  type Agent,
  type AgentCommand,
  type BusinessHours,
  type CreateCallbackRequest,
  type IccEventOf,
  type IccEventType,
  type Interaction,
  type NewIccEvent,
  type QueueConfig,
  type SelectablePresence,
} from '@icc/protocol';
import { createCallbackEngine } from '../create-callback-engine';
import type { CallbackEngine, CallbackEngineOptions, TelephonyOutcome } from '../engine-types';
import { foldLog } from './fold-log';
import type { CallbackActor } from '@icc/core';

/** Monday 2026-03-09 09:00 UTC: inside the weekday hours of `QUEUES.weekdays`. */
export const T0 = Date.parse('2026-03-09T09:00:00Z');
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const iso = (epochMs: number) => new Date(epochMs).toISOString();

export const NUMBERS = { first: EXAMPLE_PHONE_NUMBERS.us, second: EXAMPLE_PHONE_NUMBERS.usMobile, stranger: EXAMPLE_PHONE_NUMBERS.gb };

export const QUEUES = {
  /** Agent-first, manual dial. */
  manual: 'q-manual',
  /** Agent-first, auto dial after 15 s, auto close 60 s after the call. */
  auto: 'q-auto',
  /** Customer-first, manual wrap-up. */
  customerFirst: 'q-customer-first',
  /** Agent-first, open Monday–Friday 08:00–18:00 UTC only. */
  weekdays: 'q-weekdays',
} as const;

export const AGENTS = { ada: 'agent-ada', grace: 'agent-grace', alan: 'agent-alan' } as const;

export const ALWAYS_OPEN: BusinessHours = { timeZone: 'UTC', weekly: [], closedDates: [] };
const WEEKDAYS: BusinessHours = {
  timeZone: 'UTC',
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '18:00' })),
  closedDates: [],
};

/**
 * Calling hours of the test queues: around the clock, so the stories below dial whatever the
 * customer's clock says (T0 is 01:00 for the example customer in Los Angeles); the calling-hours
 * tests set their own.
 */
export const AROUND_THE_CLOCK = { start: '00:00', end: '24:00' } as const;

export function testQueues(): QueueConfig[] {
  const base = { businessHours: ALWAYS_OPEN, callingHours: AROUND_THE_CLOCK, offerTimeoutSeconds: 30, retryPolicy: { maxAttempts: 3, minIntervalSeconds: 300 } };
  return [
    exampleQueueConfig({ ...base, id: QUEUES.manual, name: 'Support' }),
    exampleQueueConfig({
      ...base,
      id: QUEUES.auto,
      name: 'Support auto',
      dialMethod: { type: 'auto', countdownSeconds: 15 },
      autoCloseSeconds: 60,
    }),
    exampleQueueConfig({ ...base, id: QUEUES.customerFirst, name: 'Sales', defaultMode: 'customer-first', offerTimeoutSeconds: 20 }),
    exampleQueueConfig({ ...base, id: QUEUES.weekdays, name: 'Weekdays', businessHours: WEEKDAYS }),
  ];
}

/** Offline agents in every queue; tests make them available. */
export function testAgents(): Agent[] {
  const queueIds = Object.values(QUEUES);
  return [
    testAgent(AGENTS.ada, 'Ada Lovelace', queueIds),
    testAgent(AGENTS.grace, 'Grace Hopper', queueIds),
    testAgent(AGENTS.alan, 'Alan Turing', queueIds),
  ];
}

export function testAgent(id: string, displayName: string, queueIds: string[], presence: Agent['presence'] = 'offline'): Agent {
  const { availableSince: _none, ...agent } = exampleAgent({ id, displayName, queueIds, presence });
  return agent;
}

export interface EngineHarnessOptions {
  queues?: QueueConfig[];
  agents?: Agent[];
  capabilities?: AdapterCapabilities;
  start?: number;
  /** Ids of interactions the engine creates itself (transfers) are this plus a counter. */
  transferIdPrefix?: string;
  closedRecordLimit?: number;
  storedCallback?: CallbackEngineOptions['storedCallback'];
  missedOffersBeforeNotResponding?: number;
  queueVersion?: CallbackEngineOptions['queueVersion'];
}

/**
 * An engine plus a hand-moved clock and the log of every event it returned, so a test reads
 * like the story it tells. Nothing here waits: `advanceTo` ticks the engine at the new time.
 */
export function createEngineHarness(options: EngineHarnessOptions = {}) {
  let transferIds = 0;
  const engine: CallbackEngine = createCallbackEngine({
    vendor: 'mock',
    capabilities: options.capabilities ?? FULL_CAPABILITIES,
    queues: options.queues ?? testQueues(),
    agents: options.agents ?? testAgents(),
    newInteractionId: () => `${options.transferIdPrefix ?? 'ix-transfer-'}${++transferIds}`,
    ...(options.closedRecordLimit !== undefined ? { closedRecordLimit: options.closedRecordLimit } : {}),
    ...(options.storedCallback ? { storedCallback: options.storedCallback } : {}),
    ...(options.queueVersion ? { queueVersion: options.queueVersion } : {}),
    ...(options.missedOffersBeforeNotResponding !== undefined
      ? { missedOffersBeforeNotResponding: options.missedOffersBeforeNotResponding }
      : {}),
  });
  const log: NewIccEvent[] = [];
  /** Every interaction this engine has seen: created here, or handed over by `restore`. */
  const known = new Set<string>();
  let now = options.start ?? T0;
  const record = (events: NewIccEvent[]) => {
    log.push(...events);
    for (const event of events) if (isInteractionEvent(event)) known.add(event.interactionId);
    return events;
  };

  return {
    engine,
    log,
    known,
    record,
    /** What the event store holds: the fold of the log, closed interactions included. */
    stored: () => foldLog(log),
    now: () => now,
    /** Moves the clock to `at` and fires what is due. */
    advanceTo: (at: number) => {
      now = at;
      return record(engine.tick(now));
    },
    advanceBy: (milliseconds: number) => {
      now += milliseconds;
      return record(engine.tick(now));
    },
    /** Requests callback `n`: ids `cb-n` / `ix-n`, Maya's two numbers, the manual queue unless overridden. */
    request: (n: number, overrides: Partial<CreateCallbackRequest> = {}) =>
      record(
        engine.requestCallback(
          exampleCreateCallbackRequest({ queueId: QUEUES.manual, ...overrides }),
          { callbackId: callbackId(n), interactionId: interactionId(n), number: `CB${String(n).padStart(7, '0')}` },
          now,
        ),
      ),
    presence: (agentId: string, presence: SelectablePresence) => record(engine.setPresence(agentId, presence, now)),
    execute: (agentId: string, command: AgentCommand) => record(engine.execute(agentId, command, now)),
    telephony: (id: string, outcome: TelephonyOutcome) => record(engine.telephony(id, outcome, now)),
    cancel: (n: number, actor: CallbackActor = 'api', reason?: string) =>
      record(engine.cancelCallback(callbackId(n), actor, reason, now)),
    reschedule: (n: number, start: number, actor: CallbackActor = 'api', windowEnd?: number) =>
      record(
        engine.reschedule(
          callbackId(n),
          windowEnd === undefined ? { start: iso(start) } : { start: iso(start), windowEnd: iso(windowEnd) },
          actor,
          now,
        ),
      ),
  };
}
export type EngineHarness = ReturnType<typeof createEngineHarness>;

/** Interactions the harness knows that are not closed, as a store would hand them back. */
export function openInteractions(h: EngineHarness): Interaction[] {
  return [...h.known].flatMap((id) => {
    const interaction = h.engine.interaction(id);
    return interaction && interaction.state !== 'closed' ? [interaction] : [];
  });
}

/**
 * A new engine built like a restarted process: agents with their last presence, the open
 * interactions and their callbacks, `restore` run at `at` (default: the old harness' time).
 */
export function restartEngine(previous: EngineHarness, options: Omit<EngineHarnessOptions, 'start'> & { at?: number } = {}) {
  const agents = (options.agents ?? testAgents()).map((agent) => previous.engine.agent(agent.id) ?? agent);
  const next = createEngineHarness({ transferIdPrefix: 'ix-restarted-', ...options, agents, start: options.at ?? previous.now() });
  const open = openInteractions(previous);
  for (const interaction of open) next.known.add(interaction.id);
  const restored = next.record(next.engine.restore(open, (id) => previous.engine.callback(id), next.now()));
  return { h: next, restored };
}

export const callbackId = (n: number) => `cb-${n}`;
export const interactionId = (n: number) => `ix-${n}`;

export function eventTypes(events: readonly NewIccEvent[]): IccEventType[] {
  return events.map((event) => event.type);
}

/** The only event of `type` in `events`; fails the test when there is none or several. */
export function onlyEvent<Type extends IccEventType>(events: readonly NewIccEvent[], type: Type): Omit<IccEventOf<Type>, 'seq'> {
  const found = events.filter((event) => event.type === type);
  if (found.length !== 1) throw new Error(`Expected one ${type} event, got ${found.length}: ${eventTypes(events).join(', ')}`);
  return found[0] as Omit<IccEventOf<Type>, 'seq'>;
}

/** Offers among `events`, as `[interactionId, agentId]` pairs. */
export function offers(events: readonly NewIccEvent[]): Array<[string, string]> {
  return events.flatMap((event) => (event.type === 'interaction.offered' ? [[event.interactionId, event.agentId] as [string, string]] : []));
}

/** Closings among `events`, as `[interactionId, outcome]` pairs. */
export function closings(events: readonly NewIccEvent[]): Array<[string, string]> {
  return events.flatMap((event) => (event.type === 'interaction.closed' ? [[event.interactionId, event.outcome] as [string, string]] : []));
}
