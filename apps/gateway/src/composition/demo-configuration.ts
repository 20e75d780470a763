import type { AgentDefinition, EventStore } from '@icc/core';
import type { QueueConfig } from '@icc/protocol';

const ALWAYS_OPEN_UTC = { timeZone: 'UTC', weekly: [], closedDates: [] };
const RETRY = { maxAttempts: 3, minIntervalSeconds: 60 };

export const DEMO_QUEUES: QueueConfig[] = [
  {
    id: 'callbacks-cf',
    name: 'Customer care (customer-first)',
    defaultMode: 'customer-first',
    dialMethod: { type: 'manual' },
    autoCloseSeconds: 300,
    offerTimeoutSeconds: 30,
    pacing: 1,
    businessHours: ALWAYS_OPEN_UTC,
    retryPolicy: RETRY,
  },
  {
    id: 'callbacks-af',
    name: 'Billing callbacks (agent-first, manual dial)',
    defaultMode: 'agent-first',
    dialMethod: { type: 'manual' },
    autoCloseSeconds: 300,
    offerTimeoutSeconds: 30,
    pacing: 1,
    businessHours: ALWAYS_OPEN_UTC,
    retryPolicy: RETRY,
  },
  {
    id: 'callbacks-auto',
    name: 'Sales callbacks (agent-first, auto-dial)',
    defaultMode: 'agent-first',
    dialMethod: { type: 'auto', countdownSeconds: 10 },
    autoCloseSeconds: 30,
    offerTimeoutSeconds: 30,
    pacing: 1,
    businessHours: ALWAYS_OPEN_UTC,
    retryPolicy: RETRY,
  },
];

const ALL_QUEUES = DEMO_QUEUES.map((queue) => queue.id);

export const DEMO_AGENTS: AgentDefinition[] = [
  { id: 'agent-ada', displayName: 'Ada Lovelace', role: 'agent', queueIds: ALL_QUEUES },
  { id: 'agent-grace', displayName: 'Grace Hopper', role: 'agent', queueIds: ALL_QUEUES },
  { id: 'agent-alan', displayName: 'Alan Turing', role: 'agent', queueIds: ALL_QUEUES },
  { id: 'supervisor-sam', displayName: 'Sam Supervisor', role: 'supervisor', queueIds: ALL_QUEUES },
];

/** First start only (the store has no queues): the demo queues and agents. */
export async function seedDemoConfiguration(store: EventStore): Promise<boolean> {
  if (store.listQueues().length > 0) return false;
  for (const queue of DEMO_QUEUES) await store.saveQueue(queue);
  for (const agent of DEMO_AGENTS) await store.saveAgent(agent);
  return true;
}
