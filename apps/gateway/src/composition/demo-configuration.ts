import type { AgentDefinition, AsyncEventStore } from '@icc/core';
import type { BusinessHours, CreateQueueRequest } from '@icc/protocol';
import type { QueueConfiguration } from '../queues/queue-configuration';

const RETRY = { maxAttempts: 3, minIntervalSeconds: 60 };

/**
 * Open around the clock, in the time zone the contact center reports in (closed dates and the
 * scheduled-callback view use it). The three queues the walk-through and the browser suites use
 * stay 24/7, so `npm start` works at any hour of the day.
 */
const AROUND_THE_CLOCK_LONDON: BusinessHours = { timeZone: 'Europe/London', weekly: [], closedDates: [] };

/**
 * The two queues where the vendor dials by itself (customer-first, auto-dial) call at any hour of the
 * customer's day, for the same reason; a supervisor narrows this in Supervisor → Queue settings. The
 * manual-dial queues keep the default calling hours (08:00–21:00 customer time, `callingHoursOf` in
 * @icc/core): agents are warned before dialing outside them.
 */
const CALL_AROUND_THE_CLOCK = { start: '00:00', end: '24:00' } as const;

/**
 * Office hours in New York: weekdays 09:00–17:30, Saturday morning, closed on the public holidays
 * listed (local dates). Outside them its callbacks wait and are offered at the next opening, DST
 * included, which is what this queue shows in the demo.
 */
const NEW_YORK_OFFICE_HOURS: BusinessHours = {
  timeZone: 'America/New_York',
  weekly: [
    ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '17:30' })),
    { weekday: 6, open: '10:00', close: '13:00' },
  ],
  closedDates: ['2026-11-26', '2026-12-25', '2027-01-01'],
};

/**
 * The simulated telephony answers, rings out or is busy by number: the walk-through, the browser
 * suites, the bench and the reliability runs call the same few scripted numbers again and again, so
 * these queues do not limit open callbacks per number. The office-hours queue keeps the default (one).
 */
const SCRIPTED_NUMBERS_REPEAT = { maxOpenPerNumber: 1, onDuplicate: 'allow' } as const;

export const DEMO_QUEUES: CreateQueueRequest[] = [
  {
    id: 'callbacks-cf',
    name: 'Customer care (customer-first)',
    defaultMode: 'customer-first',
    dialMethod: { type: 'manual' },
    autoCloseSeconds: 300,
    offerTimeoutSeconds: 30,
    pacing: 1,
    businessHours: AROUND_THE_CLOCK_LONDON,
    callingHours: CALL_AROUND_THE_CLOCK,
    retryPolicy: RETRY,
    duplicates: SCRIPTED_NUMBERS_REPEAT,
  },
  {
    id: 'callbacks-af',
    name: 'Billing callbacks (agent-first, manual dial)',
    defaultMode: 'agent-first',
    dialMethod: { type: 'manual' },
    autoCloseSeconds: 300,
    offerTimeoutSeconds: 30,
    pacing: 1,
    businessHours: AROUND_THE_CLOCK_LONDON,
    retryPolicy: RETRY,
    duplicates: SCRIPTED_NUMBERS_REPEAT,
  },
  {
    id: 'callbacks-auto',
    name: 'Sales callbacks (agent-first, auto-dial)',
    defaultMode: 'agent-first',
    dialMethod: { type: 'auto', countdownSeconds: 10 },
    autoCloseSeconds: 30,
    offerTimeoutSeconds: 30,
    pacing: 1,
    businessHours: AROUND_THE_CLOCK_LONDON,
    callingHours: CALL_AROUND_THE_CLOCK,
    retryPolicy: RETRY,
    duplicates: SCRIPTED_NUMBERS_REPEAT,
  },
  {
    id: 'callbacks-office',
    name: 'Mortgage advice (agent-first, New York office hours)',
    defaultMode: 'agent-first',
    dialMethod: { type: 'manual' },
    autoCloseSeconds: 300,
    offerTimeoutSeconds: 45,
    pacing: 1,
    businessHours: NEW_YORK_OFFICE_HOURS,
    retryPolicy: { maxAttempts: 4, minIntervalSeconds: 900 },
    closingReasons: ['Customer prefers an e-mail', 'Appointment booked in a branch', 'Wrong number', 'Duplicate request'],
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
 * Queues are created through the queue configuration service, as `POST /v1/queues` does (version 1, by `system`).
 */
export async function seedDemoConfiguration(store: AsyncEventStore, queues: QueueConfiguration): Promise<boolean> {
  const queueIds = new Set((await store.listQueues()).map((queue) => queue.id));
  const agentIds = new Set((await store.listAgents()).map((agent) => agent.id));
  const onlyDemoQueues = [...queueIds].every((id) => DEMO_QUEUES.some((queue) => queue.id === id));
  const complete = DEMO_QUEUES.every((queue) => queueIds.has(queue.id)) && DEMO_AGENTS.every((agent) => agentIds.has(agent.id));
  if (queueIds.size > 0 && (!onlyDemoQueues || complete)) return false;
  for (const agent of DEMO_AGENTS) if (!agentIds.has(agent.id)) await store.saveAgent(agent);
  for (const queue of DEMO_QUEUES) if (!queueIds.has(queue.id)) await queues.create(queue, 'system');
  return true;
}
