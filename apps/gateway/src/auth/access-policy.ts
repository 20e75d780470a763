import type { AgentRole } from '@icc/protocol';

/** What an agent did with an interaction, as its events tell it. */
export type Involvement = 'offered' | 'declined' | 'handled' | 'consulted' | 'transferred-away';

/** Per agent, everything they did with an interaction (or, for a callback, with any of its interactions). */
export type AgentInvolvement = ReadonlyMap<string, ReadonlySet<Involvement>>;

/**
 * How a caller stands to a callback or interaction, strongest first: the first that applies wins.
 * - `handling`: it is offered to or handled by them right now (open, their agentId).
 * - `keeping`: the callback is kept for them ("call me back Tuesday": `assignedAgentId`), not handled now.
 * - `transferred-away`: they transferred it (callback or call) to someone else and do not hold it now.
 * - `handled-before`: they accepted, dialled or were consulted on it earlier, and do not hold it now.
 * - `offered`: it was offered to them and they declined it, let it time out, or it was taken back.
 * - `same-queue`: never involved, but a member of its queue.
 * - `unrelated`: none of the above.
 */
export const RELATIONSHIPS = ['supervisor', 'handling', 'keeping', 'transferred-away', 'handled-before', 'offered', 'same-queue', 'unrelated'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/**
 * - `read`: GET a callback or interaction, and its events on the agent stream.
 * - `change`: PATCH, cancel or reschedule a callback.
 * - `command`: agent commands on an interaction (REST and WebSocket).
 * - `position`: the callback's rank in its queue (tells the queue, not the callback's content).
 * - `upcoming`: see a waiting callback in My callbacks → Scheduled (its queue's upcoming work).
 */
export const ACCESS_ACTIONS = ['read', 'change', 'command', 'position', 'upcoming'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/** The one table: docs/api.md prints it and the access-control matrix checks every route against it. */
export const ACCESS_POLICY: Readonly<Record<Relationship, Readonly<Record<AccessAction, boolean>>>> = {
  supervisor:         { read: true,  change: true,  command: false, position: true, upcoming: true },
  handling:           { read: true,  change: true,  command: true,  position: true, upcoming: true },
  keeping:            { read: true,  change: true,  command: false, position: true, upcoming: true },
  'transferred-away': { read: true,  change: false, command: false, position: true, upcoming: true },
  'handled-before':   { read: true,  change: false, command: false, position: true, upcoming: true },
  offered:            { read: true,  change: false, command: false, position: true, upcoming: true },
  'same-queue':       { read: false, change: false, command: false, position: true, upcoming: true },
  unrelated:          { read: false, change: false, command: false, position: true, upcoming: false },
};

/** Who asks: the token's agent, and the queues they belong to. */
export interface AccessPrincipal {
  agentId: string;
  role: AgentRole;
  queueIds: readonly string[];
}

/** What the event log says about the subject (a callback across its transfers, or one interaction). */
export interface AccessFacts {
  /** Agent it is offered to or handled by now; undefined when closed or unassigned. */
  currentAgentId: string | undefined;
  /** The agent the callback is kept for (`Callback.assignedAgentId`); undefined for an interaction. */
  keptFor?: string | undefined;
  involvement: AgentInvolvement;
  queueId: string;
}

export function relationshipOf(principal: AccessPrincipal, facts: AccessFacts): Relationship {
  if (principal.role === 'supervisor') return 'supervisor';
  if (facts.currentAgentId === principal.agentId) return 'handling';
  if (facts.keptFor === principal.agentId) return 'keeping';
  const involvement = facts.involvement.get(principal.agentId);
  if (involvement?.has('transferred-away')) return 'transferred-away';
  if (involvement?.has('handled') || involvement?.has('consulted')) return 'handled-before';
  if (involvement?.has('offered') || involvement?.has('declined')) return 'offered';
  return principal.queueIds.includes(facts.queueId) ? 'same-queue' : 'unrelated';
}

export function mayAccess(principal: AccessPrincipal, facts: AccessFacts, action: AccessAction): boolean {
  return ACCESS_POLICY[relationshipOf(principal, facts)][action];
}

/**
 * Who may keep a callback for an agent (`assignedAgentId` on intake or reschedule): a supervisor for
 * anyone; an agent only for themselves, in a queue they belong to (they will be offered it there).
 */
export function mayKeepFor(principal: AccessPrincipal, agentId: string, queueId: string): boolean {
  if (principal.role === 'supervisor') return true;
  return principal.agentId === agentId && principal.queueIds.includes(queueId);
}

/**
 * Which agents (with their presence) a principal's stream shows: a supervisor sees all; an agent
 * sees themselves and the agents of the queues they work in (their transfer targets and colleagues).
 */
export function mayKnowAgent(principal: AccessPrincipal, agent: { id: string; queueIds: readonly string[] }): boolean {
  if (principal.role === 'supervisor' || agent.id === principal.agentId) return true;
  return agent.queueIds.some((queueId) => principal.queueIds.includes(queueId));
}

/**
 * Views over every agent and queue, about no one callback (by the operationId of their route, each
 * declared `access: 'supervisor'`): queue figures, their last hour, and the offers agents missed or
 * rejected (who missed what is a supervisor's business, not a colleague's).
 */
export const SUPERVISOR_VIEWS = ['listQueueStats', 'getQueueHistory', 'listMissedOffers'] as const;

export function maySeeSupervisorViews(principal: Pick<AccessPrincipal, 'role'>): boolean {
  return principal.role === 'supervisor';
}

/**
 * Queue configuration (`/v1/queues…`) is about the contact center, not one callback: it follows the
 * role alone. Every signed-in agent reads it (the workspace shows queue names, hours, closing
 * reasons); only supervisors create, change or remove queues.
 */
export const QUEUE_CONFIGURATION_ACTIONS = ['read', 'write'] as const;
export type QueueConfigurationAction = (typeof QUEUE_CONFIGURATION_ACTIONS)[number];

export const QUEUE_CONFIGURATION_POLICY: Readonly<Record<AgentRole, Readonly<Record<QueueConfigurationAction, boolean>>>> = {
  agent:      { read: true, write: false },
  supervisor: { read: true, write: true },
};

export function mayConfigureQueues(role: AgentRole, action: QueueConfigurationAction): boolean {
  return QUEUE_CONFIGURATION_POLICY[role][action];
}
