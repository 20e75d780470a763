import type { Clock } from '@icc/core';

/** How the simulated customer's phone treats one call (the simulator's own vocabulary). */
export type SimulatedCustomerCall =
  | { kind: 'answer'; afterSeconds: number; hangUpAfterSeconds?: number }
  | { kind: 'no-answer'; afterSeconds?: number | undefined }
  | { kind: 'busy'; afterSeconds?: number | undefined };

/** Agent status as Connect models it: `ROUTABLE` statuses receive contacts. */
export interface SimulatedAgentStatus {
  id: string;
  name: string;
  type: 'ROUTABLE' | 'CUSTOM' | 'OFFLINE';
}

export interface SimulatedQueue {
  id: string;
  name: string;
  /** Seconds a contact alerts in the agent's CCP before it is MISSED. */
  alertTimeoutSeconds: number;
}

export interface SimulatedUser {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  /** Queues of the user's routing profile. */
  queueIds: string[];
  statusId: string;
  statusSince: number;
  muted: boolean;
  /** The contact on the user's CCP (one voice contact at a time), if any. */
  contactId?: string;
  /** Status put while the user handled a contact: it applies when the contact leaves the CCP. */
  nextStatusId?: string;
  /**
   * A contact the user let alert until the timeout: it stays on the CCP as MISSED and the user
   * gets no routed contact until it is dismissed (DismissUserContact; Streams agent state
   * `MissedCallAgent`).
   */
  missed?: { contactId: string; at: number };
}

/**
 * Where a contact is, in the simulator's words:
 * delayed (a task waiting for its ScheduledTime), queued, alerting (offered to one agent),
 * preview (a task accepted and on the agent's CCP: the agent reads it before calling), dialing,
 * connected, after-contact-work, completed (cleared or ended).
 */
export type SimulatedContactPhase =
  | 'delayed'
  | 'queued'
  | 'alerting'
  | 'preview'
  | 'dialing'
  | 'connected'
  | 'after-contact-work'
  | 'completed';

export interface SimulatedContact {
  id: string;
  initialContactId?: string;
  previousContactId?: string;
  relatedContactId?: string;
  /** TASK: the callback request (StartTaskContact); VOICE: the call the agent places from the CCP. */
  channel: 'TASK' | 'VOICE';
  initiationMethod: 'API' | 'OUTBOUND';
  queueId?: string;
  /** User-defined attributes (Connect keeps them per initial contact; copied along retries here). */
  attributes: Record<string, string>;
  customerAddress: string;
  phase: SimulatedContactPhase;
  userId?: string;
  held: boolean;
  recording: boolean;
  ringTimeoutSeconds: number;
  /** Users who missed or rejected this contact: routing skips them for it. */
  /** Users who rejected the contact: the simulator offers it to someone else. */
  missedBy: Set<string>;
  initiatedAt: number;
  scheduledAt?: number;
  enqueuedAt?: number;
  offeredAt?: number;
  acceptedAt?: number;
  connectedToSystemAt?: number;
  connectedToAgentAt?: number;
  disconnectedAt?: number;
  afterContactWorkStartedAt?: number;
  afterContactWorkEndedAt?: number;
  lastUpdatedAt: number;
  disconnectReason?: string;
  /** Cancels whatever the contact waits for (schedule, alert, ringing, hang-up). */
  cancelTimer?: () => void;
  /** Cancels the task's expiry. */
  cancelExpiry?: () => void;
}

export interface SimulatedInstanceSettings {
  region: string;
  accountId: string;
  instanceId: string;
  /** Flows StartTaskContact may name (the callback-task flow: Set working queue, Transfer to queue). */
  contactFlowIds: string[];
  /** How numbers nobody scripted answer. */
  defaultCustomerCall: SimulatedCustomerCall;
}

/** The whole simulated Amazon Connect instance: configuration and live state. */
export interface SimulatedInstance {
  settings: SimulatedInstanceSettings;
  clock: Clock;
  statuses: Map<string, SimulatedAgentStatus>;
  queues: Map<string, SimulatedQueue>;
  users: Map<string, SimulatedUser>;
  contacts: Map<string, SimulatedContact>;
  /** ClientToken → the contact it started and when: StartTaskContact is idempotent per token for 7 days. */
  clientTokens: Map<string, { contactId: string; at: number }>;
  customers: Map<string, { calls: SimulatedCustomerCall[]; placed: number }>;
  nextId: () => string;
}

export const SIMULATED_STATUSES: SimulatedAgentStatus[] = [
  { id: 'agent-status-available', name: 'Available', type: 'ROUTABLE' },
  { id: 'agent-status-break', name: 'Break', type: 'CUSTOM' },
  { id: 'agent-status-offline', name: 'Offline', type: 'OFFLINE' },
];

export function instanceArn(settings: SimulatedInstanceSettings): string {
  return `arn:aws:connect:${settings.region}:${settings.accountId}:instance/${settings.instanceId}`;
}

export function contactArn(settings: SimulatedInstanceSettings, contactId: string): string {
  return `${instanceArn(settings)}/contact/${contactId}`;
}

export function queueArn(settings: SimulatedInstanceSettings, queueId: string): string {
  return `${instanceArn(settings)}/queue/${queueId}`;
}

export function agentArn(settings: SimulatedInstanceSettings, userId: string): string {
  return `${instanceArn(settings)}/agent/${userId}`;
}

/** Connect writes instants in events as ISO-8601 with milliseconds, in UTC. */
export function isoInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

export function createSimulatedInstance(settings: SimulatedInstanceSettings, clock: Clock): SimulatedInstance {
  let sequence = 0;
  return {
    settings,
    clock,
    statuses: new Map(SIMULATED_STATUSES.map((status) => [status.id, status])),
    queues: new Map(),
    users: new Map(),
    contacts: new Map(),
    clientTokens: new Map(),
    customers: new Map(),
    nextId: () => {
      sequence += 1;
      // Connect contact ids are UUIDs; a counter keeps test output readable and deterministic.
      return `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
    },
  };
}
