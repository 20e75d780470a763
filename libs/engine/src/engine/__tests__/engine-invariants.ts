import {
  INTERACTION_STATE_TRAITS,
  isInteractionEvent,
  type CallbackState,
  type Interaction,
  type NewIccEvent,
  type Presence,
} from '@icc/protocol';
import { isOpen } from '../../business-hours/is-open';
import { testQueues } from './engine-fixtures';
import { AGENT_IDS, combinedLog, current, type World } from './engine-world';
import { emptyViews, foldInteractionEvent, type Views } from './fold-log';
import { modelFieldsOf, modelInteractions } from './interaction-model';

const QUEUE_CONFIGS = new Map(testQueues().map((queue) => [queue.id, queue]));
const TERMINAL: ReadonlySet<CallbackState> = new Set(['completed', 'cancelled', 'expired', 'failed']);
/** Per open interaction: one timer for its state, one for its expiry, one for a decline's cool-down. */
const TIMERS_PER_OPEN_INTERACTION = 3;

export type Refold = Views;

/**
 * (b) Folds the log from scratch: every event must be one the transition table allows (the
 * reducer throws otherwise), a callback that reached a terminal state never leaves it, and
 * offers only go to agents who are available at the time.
 */
export function refold(log: readonly NewIccEvent[], initialPresence: ReadonlyMap<string, Presence>): Refold {
  const views = emptyViews();
  const { interactions, callbacks } = views;
  const presence = new Map(initialPresence);
  log.forEach((event, index) => {
    if (!isInteractionEvent(event)) {
      presence.set(event.agentId, event.presence);
      return;
    }
    if (event.type === 'interaction.offered' && presence.get(event.agentId) !== 'available') {
      throw new Error(`Event #${index} offers ${event.interactionId} to ${event.agentId}, who is ${presence.get(event.agentId)}`);
    }
    const before = interactions.get(event.interactionId);
    const dueAt = before && timerDeadline(before, event);
    if (dueAt !== undefined && Date.parse(event.at) < Date.parse(dueAt)) {
      throw new Error(`Event #${index} ${event.type} of ${event.interactionId} at ${event.at} fired before its deadline ${dueAt}`);
    }
    const previous = callbacks.get(event.callbackId);
    try {
      foldInteractionEvent(views, event);
    } catch (error) {
      throw new Error(`Event #${index} ${event.type} is not allowed in ${before?.state ?? 'absent'} (${event.interactionId}): ${String(error)}`);
    }
    const next = callbacks.get(event.callbackId);
    if (previous && TERMINAL.has(previous.state) && next?.state !== previous.state) {
      throw new Error(`Callback ${event.callbackId} left terminal state ${previous.state} on event #${index} ${event.type}`);
    }
  });
  return views;
}

/** The deadline a timer-driven event waited for, so no timer (restored ones included) fires early. */
function timerDeadline(before: Interaction, event: Exclude<NewIccEvent, { type: 'agent.presence-changed' }>): string | undefined {
  switch (event.type) {
    case 'interaction.offer-declined':
      return event.cause === 'timeout' ? before.offerExpiresAt : undefined;
    case 'interaction.dialing':
      return event.trigger === 'auto-dial' ? before.autoDialAt : undefined;
    case 'interaction.queued':
      if (event.cause === 'retry') return before.nextRetryAt;
      return event.cause === 'schedule-start' ? before.scheduledAt : undefined;
    case 'interaction.closed':
      if (event.by !== 'system') return undefined;
      if (event.outcome === 'completed') return before.autoCloseAt;
      // After a failed dial, "expired" means the next retry would fall after the expire time.
      return event.outcome === 'expired' && before.state !== 'no-answer' ? before.expireAt : undefined;
    default:
      return undefined;
  }
}

/** The current engine's own views: the open interactions it holds and their callbacks. */
export function engineViews(world: World): Refold {
  const { engine, known } = current(world);
  const views = emptyViews();
  for (const id of known) {
    const interaction = engine.interaction(id);
    if (!interaction) continue;
    views.interactions.set(id, interaction);
    const callback = engine.callback(interaction.callbackId);
    if (callback) views.callbacks.set(callback.id, callback);
  }
  return views;
}

/**
 * (d) The current engine holds exactly the open part of the fold of the events it and its
 * predecessors returned, each view equal to it, and forgot the closed part. The fold itself is
 * checked against an independent model of the events (both sides use the reducer, so only the
 * model can catch a reducer fault).
 */
export function expectViewsMatchFold(world: World, folded: Refold): void {
  const { engine } = current(world);
  expectFoldMatchesModel(combinedLog(world), folded);
  for (const [id, interaction] of folded.interactions) {
    expect(engine.interaction(id)).toEqual(interaction.state === 'closed' ? undefined : interaction);
  }
  for (const [id, callback] of folded.callbacks) {
    expect(engine.callback(id)).toEqual(TERMINAL.has(callback.state) ? undefined : callback);
  }
  expectFootprintBounded(world, folded);
}

/** Every interaction of the fold agrees with the independent model on the fields the model covers. */
export function expectFoldMatchesModel(log: readonly NewIccEvent[], folded: Refold): void {
  const models = modelInteractions(log);
  expect([...folded.interactions.keys()].sort()).toEqual([...models.keys()].sort());
  for (const [id, interaction] of folded.interactions) {
    const model = models.get(id);
    expect({ id, ...modelFieldsOf(interaction), dialedNumbers: interaction.attempts.map((attempt) => attempt.phoneNumber) }).toEqual(
      { id, ...(model && modelFieldsOf(model)), dialedNumbers: model?.dialedNumbers },
    );
  }
}

/**
 * (f) The engine forgets what it closed: it holds no closed interaction, and what it holds is
 * bounded by the open interactions (the store's `stored`), agents and queues, not by history.
 */
export function expectFootprintBounded(world: World, stored: Refold): void {
  expect(footprintViolations(world, stored)).toEqual([]);
}

function footprintViolations(world: World, stored: Refold): string[] {
  const { engine } = current(world);
  const violations: string[] = [];
  for (const [id, interaction] of stored.interactions) {
    if (interaction.state === 'closed' && engine.interaction(id)) violations.push(`interaction ${id} is closed but still held`);
  }
  for (const [id, callback] of stored.callbacks) {
    if (TERMINAL.has(callback.state) && engine.callback(id)) violations.push(`callback ${id} is ${callback.state} but still held`);
  }
  const open = [...stored.interactions.values()].filter((interaction) => interaction.state !== 'closed').length;
  const footprint = engine.footprint();
  const bounds: Record<string, [held: number, bound: number]> = {
    interactions: [footprint.interactions, open],
    callbacks: [footprint.callbacks, open],
    waiting: [footprint.waiting, open],
    customerOnLine: [footprint.customerOnLine, open],
    directedTo: [footprint.directedTo, open],
    declinedAt: [footprint.declinedAt, open],
    holderOf: [footprint.holderOf, 2 * open],
    holds: [footprint.holds, footprint.holderOf],
    timers: [footprint.timers, TIMERS_PER_OPEN_INTERACTION * open + QUEUE_CONFIGS.size],
    idleSince: [footprint.idleSince, AGENT_IDS.length],
    queueVersions: [footprint.queueVersions, open],
  };
  for (const [what, [held, bound]] of Object.entries(bounds)) {
    if (held > bound) violations.push(`${what}: ${held} held, at most ${bound} expected with ${open} open`);
  }
  if (footprint.interactions !== open) violations.push(`holds ${footprint.interactions} interactions, the store has ${open} open`);
  return violations;
}

/** What occupies each agent, from the views: interactions they hold and consults they are in. */
export function agentLoads(views: Refold): Map<string, string[]> {
  const loads = new Map<string, string[]>(AGENT_IDS.map((id) => [id, []]));
  for (const interaction of views.interactions.values()) {
    const holds = INTERACTION_STATE_TRAITS[interaction.state].holdsAgent || (interaction.state === 'queued' && interaction.customerOnLine);
    if (holds && interaction.agentId !== undefined) loads.get(interaction.agentId)?.push(interaction.id);
    const live = INTERACTION_STATE_TRAITS[interaction.state].liveCall;
    if (live && interaction.call.consultAgentId !== undefined) loads.get(interaction.call.consultAgentId)?.push(`${interaction.id}#consult`);
  }
  return loads;
}

/**
 * (c) Every requested callback is either terminal, or open on an interaction that will move:
 * a timer is armed for each of its deadlines, an agent holds it, or it waits for an agent
 * because none is free. Also: no agent carries two things at once.
 */
export function expectNothingLost(world: World, views: Refold): void {
  expect(lostCallbacks(world, views)).toEqual([]);
}

/** The violations of (c), as readable lines; checked as one list because this runs on every step. */
export function lostCallbacks(world: World, views: Refold): string[] {
  const violations: string[] = [];
  const wake = current(world).engine.nextWakeAt();
  const loads = agentLoads(views);
  for (const [agentId, load] of loads) if (load.length > 1) violations.push(`${agentId} carries ${load.join(' and ')}`);
  for (const interaction of views.interactions.values()) {
    if (interaction.state !== 'transferring') continue;
    const receiver = interaction.transfer && views.interactions.get(interaction.transfer.toInteractionId);
    if (!receiver || receiver.state === 'closed') violations.push(`${interaction.id} is transferring to a closed receiver`);
  }
  const armedBy = (at: string | undefined) => at === undefined || (wake !== undefined && wake <= Date.parse(at));

  for (const callbackId of world.requested) {
    const callback = views.callbacks.get(callbackId);
    if (!callback) {
      // Forgotten by the engine: only right once it is over, as the store records it.
      const stored = world.stored.callbacks.get(callbackId);
      if (!stored || !TERMINAL.has(stored.state)) violations.push(`${callbackId} is ${stored?.state ?? 'unknown'} in the store but not held`);
      continue;
    }
    if (TERMINAL.has(callback.state)) continue;
    const interaction = views.interactions.get(callback.interactionId);
    if (!interaction || interaction.state === 'closed') {
      violations.push(`${callbackId} is ${callback.state} but its interaction ${callback.interactionId} is ${interaction?.state ?? 'absent'}`);
      continue;
    }
    const checks: Record<string, boolean> = {
      expiry: !INTERACTION_STATE_TRAITS[interaction.state].expirable || interaction.customerOnLine || armedBy(interaction.expireAt),
      offer: interaction.state !== 'offered' || (interaction.offerExpiresAt !== undefined && armedBy(interaction.offerExpiresAt)),
      retry: interaction.state !== 'retry-wait' || (interaction.nextRetryAt !== undefined && armedBy(interaction.nextRetryAt)),
      autoDial: interaction.state !== 'previewing' || armedBy(interaction.autoDialAt),
      autoClose: interaction.state !== 'wrap-up' || armedBy(interaction.autoCloseAt),
      start: interaction.state !== 'scheduled' || wake !== undefined,
      holder: !INTERACTION_STATE_TRAITS[interaction.state].holdsAgent || interaction.mode === 'customer-first' || interaction.agentId !== undefined,
      routed: interaction.state !== 'queued' || waitsForAnAgent(world, views, loads, interaction, wake),
    };
    for (const [check, ok] of Object.entries(checks)) {
      if (!ok) violations.push(`${callbackId} on ${interaction.id} (${interaction.state}): ${check} not armed (next wake ${String(wake)})`);
    }
  }
  return violations;
}

/** A queued interaction is only left waiting when no agent could take it now. */
function waitsForAnAgent(world: World, views: Refold, loads: Map<string, string[]>, interaction: Interaction, wake: number | undefined): boolean {
  const h = current(world);
  const now = h.now();
  if (wake !== undefined && wake <= now) return true;
  const source = interaction.transferredFrom === undefined ? undefined : views.interactions.get(interaction.transferredFrom);
  // Directed to one agent: it waits for that agent, and the sender may cancel meanwhile.
  if (source?.state === 'transferring' && source.transfer?.target.kind === 'agent') return true;
  const queue = QUEUE_CONFIGS.get(interaction.queueId);
  if (!queue) return false;
  if (!interaction.customerOnLine && !isOpen(queue.businessHours, now)) return wake !== undefined;
  const free = AGENT_IDS.filter((agentId) => {
    const agent = h.engine.agent(agentId);
    return agent?.presence === 'available' && agent.queueIds.includes(queue.id) && (loads.get(agentId)?.length ?? 0) === 0;
  });
  if (free.length === 0) return true;
  // Every free agent declined it: it cools down before they see it again, with routing woken then.
  return wake !== undefined && free.every((agentId) => interaction.declinedBy.includes(agentId));
}
