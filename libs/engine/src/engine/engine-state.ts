import {
  INTERACTION_STATE_TRAITS,
  isInteractionEvent,
  isWorkPresence,
  type Agent,
  type Callback,
  type Interaction,
  type NewIccEvent,
  type QueueConfig,
} from '@icc/protocol';
import { createCallbackQueue, type CallbackQueue } from '../queue/callback-queue';
import { createAgentPool, type AgentPool } from '../routing/agent-pool';
import { createTimerQueue, type TimerQueue } from '../scheduler/timer-queue';
import { isExpiryArmed, placeInLineSince, reduceCallback, reduceInteraction } from '@icc/core';
import { createClosedRecords, type ClosedRecords } from './closed-records';
import type { CallbackEngineOptions } from './engine-types';

/**
 * A closed interaction is only commanded through the gateway if the store does not yet show it
 * closed (its commit lag: milliseconds); 1 000 closings cover that with a wide margin, for about
 * 1 MB (the gateway's UUID ids cost some 500 bytes each in V8).
 */
const DEFAULT_CLOSED_RECORD_LIMIT = 1_000;

/**
 * What a timer does when it falls due; the key is `<kind>:<interactionId>`, `open:<queueId>`,
 * `reoffer:<interactionId>` (an `open` timer that ends a decline's cool-down), or
 * `calling-hours:<queueId>` (an `open` timer at the first instant a held callback may be called).
 */
export type EngineTimerKind = 'start' | 'offer' | 'auto-dial' | 'auto-close' | 'retry' | 'expire' | 'open';
export interface EngineTimer {
  kind: EngineTimerKind;
  targetId: string;
}

export const reofferTimerKey = (interactionId: string) => `reoffer:${interactionId}`;
export const callingHoursTimerKey = (queueId: string) => `calling-hours:${queueId}`;

export interface EngineState {
  readonly options: CallbackEngineOptions;
  /** The current version of each queue: new callbacks, routing and business hours use it. */
  readonly queues: Map<string, QueueConfig>;
  /** Earlier versions open interactions started with (`<queueId>@<version>`), see `interactionQueue`. */
  readonly queueVersions: Map<string, QueueConfig>;
  readonly agents: Map<string, Agent>;
  readonly interactions: Map<string, Interaction>;
  readonly callbacks: Map<string, Callback>;
  /** Waiting ASAP/started items per queue (customer not on the line, not directed to one agent). */
  readonly waiting: Map<string, CallbackQueue>;
  /** Customer-first calls answered and waiting for an agent: served before anything else. */
  readonly customerOnLine: Set<string>;
  /** Transfers addressed to one agent, and callbacks an agent kept for themselves: interaction id → agent id. */
  readonly directedTo: Map<string, string>;
  readonly timers: TimerQueue<EngineTimer>;
  readonly pool: AgentPool;
  /** Agent id → what occupies that agent: interaction ids, and `<id>#consult` for a consult. */
  readonly holds: Map<string, Set<string>>;
  readonly holderOf: Map<string, string>;
  /** When each agent last became free: routing offers to the longest idle first. */
  readonly idleSince: Map<string, number>;
  /**
   * When each agent last declined each interaction. A decline is not re-offered to the same
   * agent for one offer timeout, so a lone agent's Reject is not undone at once. Kept in memory
   * only: after a restart the cool-down is simply over.
   */
  readonly declinedAt: Map<string, Map<string, number>>;
  /** The latest closings, remembered after the closed interactions and callbacks are forgotten. */
  readonly closed: ClosedRecords;
  /** Offers each agent let time out in a row; an accept or a presence change starts over. */
  readonly missedOffers: Map<string, number>;
  /** Agents whose holds changed since their presence last followed their work. */
  readonly workChanged: Set<string>;
}

export function createEngineState(options: CallbackEngineOptions): EngineState {
  const state: EngineState = {
    options,
    queues: new Map(options.queues.map((queue) => [queue.id, queue])),
    queueVersions: new Map(),
    agents: new Map(options.agents.map((agent) => [agent.id, agent])),
    interactions: new Map(),
    callbacks: new Map(),
    waiting: new Map(options.queues.map((queue) => [queue.id, createCallbackQueue()])),
    customerOnLine: new Set(),
    directedTo: new Map(),
    timers: createTimerQueue<EngineTimer>(),
    pool: createAgentPool(),
    holds: new Map(),
    holderOf: new Map(),
    idleSince: new Map(),
    declinedAt: new Map(),
    closed: createClosedRecords(options.closedRecordLimit ?? DEFAULT_CLOSED_RECORD_LIMIT),
    missedOffers: new Map(),
    // A restored agent shown busy or in wrap-up gets the presence their restored work asks for.
    workChanged: new Set(options.agents.filter((agent) => isWorkPresence(agent.presence)).map((agent) => agent.id)),
  };
  // Agents configured as available must be routable before their presence next changes.
  for (const agent of options.agents) refreshAgent(state, agent.id, agent.availableSince ? Date.parse(agent.availableSince) : 0);
  return state;
}

export function requireQueue(state: EngineState, queueId: string): QueueConfig {
  const queue = state.queues.get(queueId);
  if (!queue) throw new Error(`Unknown queue ${queueId}`);
  return queue;
}

/** Folds an event into the engine and re-derives queues, timers and agent occupancy from it. */
export function applyEvent(state: EngineState, event: NewIccEvent, now: number): void {
  if (!isInteractionEvent(event)) {
    const agent = state.agents.get(event.agentId);
    if (!agent) return;
    state.missedOffers.delete(agent.id);
    const { chosenPresence: _previousChoice, ...rest } = agent;
    const next: Agent = { ...rest, presence: event.presence };
    if (event.chosen !== undefined) next.chosenPresence = event.chosen;
    if (event.presence !== agent.presence) next.presenceSince = event.at;
    if (event.presence === 'available' && agent.presence !== 'available') next.availableSince = event.at;
    state.agents.set(agent.id, next);
    refreshAgent(state, agent.id, now);
    return;
  }
  const interaction = reduceInteraction(state.interactions.get(event.interactionId), event);
  // Released to the queue: no longer directed to the agent who kept it (syncInteraction re-directs a kept one).
  if (event.type === 'interaction.rescheduled' && event.assignedAgentId === null) state.directedTo.delete(interaction.id);
  recordDecline(state, event, now);
  countMissedOffer(state, event);
  state.interactions.set(interaction.id, interaction);
  const callback = reduceCallback(state.callbacks.get(event.callbackId), event);
  if (callback) state.callbacks.set(callback.id, callback);
  syncInteraction(state, interaction, now);
}

/** The agent who took the callback for themselves, while this interaction carries it. */
function keeperOf(state: EngineState, interaction: Interaction): string | undefined {
  const callback = state.callbacks.get(interaction.callbackId);
  return callback?.interactionId === interaction.id ? callback.assignedAgentId : undefined;
}

/** Puts an interaction where its state says it belongs: waiting lists, timers, agent holds. */
export function syncInteraction(state: EngineState, interaction: Interaction, now: number): void {
  const { id } = interaction;
  const waiting = state.waiting.get(interaction.queueId);
  const keptBy = keeperOf(state, interaction);
  if (keptBy !== undefined && interaction.state !== 'closed') state.directedTo.set(id, keptBy);
  const directed = state.directedTo.has(id);
  const inQueue = interaction.state === 'queued';
  if (waiting) {
    const shouldWait = inQueue && !interaction.customerOnLine && !directed;
    if (shouldWait && !waiting.has(id)) {
      waiting.enqueue({
        id,
        requestedAt: Date.parse(interaction.requestedAt),
        waitingSince: placeInLineSince(interaction),
        kind: interaction.scheduledAt === undefined ? 'asap' : 'scheduled',
        ...(interaction.scheduledAt !== undefined ? { startAt: Date.parse(interaction.scheduledAt) } : {}),
        ...(interaction.windowEnd !== undefined ? { windowEnd: Date.parse(interaction.windowEnd) } : {}),
        ...(interaction.expireAt !== undefined ? { expireAt: Date.parse(interaction.expireAt) } : {}),
      });
    } else if (!shouldWait) waiting.remove(id);
  }
  if (inQueue && interaction.customerOnLine) state.customerOnLine.add(id);
  else state.customerOnLine.delete(id);
  if (interaction.state === 'closed') state.directedTo.delete(id);

  syncTimers(state, interaction, now);
  syncHolder(state, interaction, now);
}

function syncTimers(state: EngineState, interaction: Interaction, now: number): void {
  const set = (kind: EngineTimerKind, at: string | number | undefined) => {
    const key = `${kind}:${interaction.id}`;
    if (at === undefined) {
      state.timers.cancel(key);
      return;
    }
    const dueAt = typeof at === 'number' ? at : Date.parse(at);
    if (state.timers.dueAt(key) !== dueAt) state.timers.schedule(key, dueAt, { kind, targetId: interaction.id });
  };
  const s = interaction.state;
  set('start', s === 'scheduled' ? startTime(state, interaction, now) : undefined);
  set('offer', s === 'offered' ? interaction.offerExpiresAt : undefined);
  set('auto-dial', s === 'previewing' ? interaction.autoDialAt : undefined);
  set('retry', s === 'retry-wait' ? interaction.nextRetryAt : undefined);
  set('auto-close', s === 'wrap-up' ? interaction.autoCloseAt : undefined);
  set('expire', isExpiryArmed(interaction) ? interaction.expireAt : undefined);
}

function startTime(state: EngineState, interaction: Interaction, now: number): number {
  const scheduledAt = interaction.scheduledAt ? Date.parse(interaction.scheduledAt) : now;
  return Math.max(now, scheduledAt);
}

function syncHolder(state: EngineState, interaction: Interaction, now: number): void {
  // Its state may have moved the agent's work on (a call ending into wrap-up) while the holder stays.
  if (interaction.agentId !== undefined) state.workChanged.add(interaction.agentId);
  const holds = INTERACTION_STATE_TRAITS[interaction.state].holdsAgent || (interaction.state === 'queued' && interaction.customerOnLine);
  setHolder(state, interaction.id, holds ? interaction.agentId : undefined, now);
  // A consulted agent is on the call too, until the consult is cancelled, handed over or the call ends.
  const live = INTERACTION_STATE_TRAITS[interaction.state].liveCall;
  setHolder(state, `${interaction.id}#consult`, live ? interaction.call.consultAgentId : undefined, now);
}

function setHolder(state: EngineState, holdingId: string, holder: string | undefined, now: number): void {
  const previous = state.holderOf.get(holdingId);
  if (previous === holder) return;
  if (previous !== undefined) state.workChanged.add(previous);
  if (holder !== undefined) state.workChanged.add(holder);
  if (previous !== undefined) {
    state.holds.get(previous)?.delete(holdingId);
    state.holderOf.delete(holdingId);
    state.idleSince.set(previous, now);
    refreshAgent(state, previous, now);
  }
  if (holder !== undefined) {
    let held = state.holds.get(holder);
    if (!held) state.holds.set(holder, (held = new Set()));
    held.add(holdingId);
    state.holderOf.set(holdingId, holder);
    refreshAgent(state, holder, now);
  }
}

export function isAgentFree(state: EngineState, agentId: string): boolean {
  const agent = state.agents.get(agentId);
  return agent?.presence === 'available' && (state.holds.get(agentId)?.size ?? 0) === 0;
}

/** Keeps the routing pool equal to the set of free agents. */
export function refreshAgent(state: EngineState, agentId: string, now: number): void {
  const agent = state.agents.get(agentId);
  if (!agent) return;
  if (isAgentFree(state, agentId)) {
    const since = Math.max(state.idleSince.get(agentId) ?? 0, agent.availableSince ? Date.parse(agent.availableSince) : now);
    if (!state.pool.isAvailable(agentId)) state.pool.markAvailable(agentId, agent.queueIds, since);
  } else if (state.pool.isAvailable(agentId)) state.pool.markUnavailable(agentId);
}

function recordDecline(state: EngineState, event: NewIccEvent, now: number): void {
  if (event.type === 'interaction.offer-declined' && event.cause !== 'agent-unavailable') {
    let byAgent = state.declinedAt.get(event.interactionId);
    if (!byAgent) state.declinedAt.set(event.interactionId, (byAgent = new Map()));
    byAgent.set(event.agentId, now);
  } else if (event.type === 'interaction.accepted' || event.type === 'interaction.closed') {
    state.declinedAt.delete(event.interactionId);
  }
}

function countMissedOffer(state: EngineState, event: NewIccEvent): void {
  if (event.type === 'interaction.offer-declined' && event.cause === 'timeout') {
    state.missedOffers.set(event.agentId, (state.missedOffers.get(event.agentId) ?? 0) + 1);
  } else if (event.type === 'interaction.accepted') {
    state.missedOffers.delete(event.agentId);
  }
}
