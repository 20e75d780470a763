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

/**
 * First start only: the store has no queues, or only demo queues while some demo queue or agent
 * is missing. The saves are separate writes, so a process killed half-way through its first start
 * leaves a partial set-up that the next start completes; a store with queues of its own is never touched.
 */
export async function seedDemoConfiguration(store: EventStore): Promise<boolean> {
  const queueIds = new Set(store.listQueues().map((queue) => queue.id));
  const agentIds = new Set(store.listAgents().map((agent) => agent.id));
  const onlyDemoQueues = [...queueIds].every((id) => DEMO_QUEUES.some((queue) => queue.id === id));
  const complete = DEMO_QUEUES.every((queue) => queueIds.has(queue.id)) && DEMO_AGENTS.every((agent) => agentIds.has(agent.id));
  if (queueIds.size > 0 && (!onlyDemoQueues || complete)) return false;
  for (const agent of DEMO_AGENTS) if (!agentIds.has(agent.id)) await store.saveAgent(agent);
  for (const queue of DEMO_QUEUES) if (!queueIds.has(queue.id)) await store.saveQueue(queue);
  return true;
}
