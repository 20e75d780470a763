import { createFakeClock, type FakeClock } from '@icc/core';
import { EXAMPLE_PHONE_NUMBERS, exampleAgent, exampleQueueConfig, type Agent, type QueueConfig } from '@icc/protocol';

/** Monday morning; the conformance queues are open around the clock, so the hour does not matter. */
export const CONFORMANCE_START = '2026-01-05T09:00:00Z';

const ALWAYS_OPEN = { timeZone: 'UTC', weekly: [], closedDates: [] };

export interface ConformanceQueues {
  /** Agent-first, manual dial (Call number), 30 s offer timeout, 3 attempts. */
  manual: QueueConfig;
  /** Agent-first, dials 10 s after accept by itself, closes wrap-up 20 s after the call. */
  autoDial: QueueConfig;
  /** Customer-first: 2 attempts at least 60 s apart. */
  customerFirst: QueueConfig;
  /** Agent-first, manual: where callbacks are transferred. */
  billing: QueueConfig;
}

export interface ConformanceAgents {
  ada: Agent;
  grace: Agent;
  alan: Agent;
}

/**
 * What every scenario starts from. The harness seeds its simulator with these queues and agents
 * (mapped to the vendor's own settings) and runs adapter and simulator on `clock`.
 */
export interface ConformanceWorld {
  clock: FakeClock;
  queues: ConformanceQueues;
  agents: ConformanceAgents;
  /** The same queues and agents as lists, as the suite hands them to `adapter.start`. */
  queueList: QueueConfig[];
  /** All agents start offline; scenarios make them available. */
  agentList: Agent[];
  /** Customer numbers the scenarios script; unscripted numbers are never dialed. */
  phoneNumbers: { primary: string; secondary: string };
}

export function createConformanceWorld(): ConformanceWorld {
  // Calling around the clock: the scenarios dial whatever the customer's clock says when they run.
  const queue = (overrides: Partial<QueueConfig>) =>
    exampleQueueConfig({ businessHours: ALWAYS_OPEN, callingHours: { start: '00:00', end: '24:00' }, retryPolicy: { maxAttempts: 3, minIntervalSeconds: 60 }, ...overrides });
  const queues: ConformanceQueues = {
    manual: queue({ id: 'q-conf-manual', name: 'Support' }),
    autoDial: queue({ id: 'q-conf-auto', name: 'Support (auto dial)', dialMethod: { type: 'auto', countdownSeconds: 10 }, autoCloseSeconds: 20 }),
    customerFirst: queue({
      id: 'q-conf-customer-first',
      name: 'Sales',
      defaultMode: 'customer-first',
      retryPolicy: { maxAttempts: 2, minIntervalSeconds: 60 },
    }),
    billing: queue({ id: 'q-conf-billing', name: 'Billing' }),
  };
  const queueList = Object.values(queues);
  const agent = (id: string, displayName: string): Agent => {
    const { availableSince: _never, ...offline } = exampleAgent({
      id,
      displayName,
      queueIds: queueList.map((each) => each.id),
      presence: 'offline',
    });
    return offline;
  };
  const agents: ConformanceAgents = {
    ada: agent('agent-ada', 'Ada Lovelace'),
    grace: agent('agent-grace', 'Grace Hopper'),
    alan: agent('agent-alan', 'Alan Turing'),
  };
  return {
    clock: createFakeClock(CONFORMANCE_START),
    queues,
    agents,
    queueList,
    agentList: Object.values(agents),
    phoneNumbers: { primary: EXAMPLE_PHONE_NUMBERS.us, secondary: EXAMPLE_PHONE_NUMBERS.usMobile },
  };
}
