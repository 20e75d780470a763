import {
  AGENT_COMMAND_TYPES,
  FULL_CAPABILITIES,
  isInteractionEvent,
  type AgentCommand,
  type AgentCommandType,
  type CreateCallbackRequest,
  type Interaction,
  type NewIccEvent,
  type Presence,
} from '@icc/protocol';
import { allowedControls, IccError } from '@icc/core';
import {
  AGENTS,
  MINUTE,
  NUMBERS,
  QUEUES,
  T0,
  createEngineHarness,
  iso,
  openInteractions,
  restartEngine,
  testAgents,
  testQueues,
  type EngineHarness,
} from './engine-fixtures';
import type { ModelAction } from './engine-model';
import { emptyViews, foldInteractionEvent, type Views } from './fold-log';

export const AGENT_IDS: string[] = Object.values(AGENTS);
export const QUEUE_IDS: string[] = [...Object.values(QUEUES), 'q-nowhere'];
const QUEUE_CONFIGS = new Map(testQueues().map((queue) => [queue.id, queue]));

/** The engines of one run (a restart adds one) and what was asked of them. */
export interface World {
  engines: EngineHarness[];
  /** Callback ids whose request was accepted. */
  requested: string[];
  /** Errors the engine raised for disallowed input, by code. */
  refusals: Map<string, number>;
  restarts: number;
  /** What the event store holds: the fold of every event returned so far, closed ones included. */
  stored: Views;
  storedEventCount: number;
}

/** Ada and Grace start available (routable before any presence change), Alan offline. */
export const INITIAL_PRESENCE: ReadonlyMap<string, Presence> = new Map([
  [AGENTS.ada, 'available'],
  [AGENTS.grace, 'available'],
  [AGENTS.alan, 'offline'],
]);

export function createWorld(): World {
  const agents = testAgents().map((agent) => {
    const presence = INITIAL_PRESENCE.get(agent.id) ?? 'offline';
    return presence === 'available' ? { ...agent, presence, availableSince: iso(T0 - MINUTE) } : { ...agent, presence };
  });
  return { engines: [createEngineHarness({ agents })], requested: [], refusals: new Map(), restarts: 0, stored: emptyViews(), storedEventCount: 0 };
}

export const current = (world: World) => world.engines[world.engines.length - 1] as EngineHarness;
export const combinedLog = (world: World): NewIccEvent[] => world.engines.flatMap((engine) => engine.log);

/**
 * Runs one action; disallowed input must be refused with an `IccError`, anything else is a bug.
 * Then stores what it caused (outside the `try`: an illegal event is a bug, not a refusal).
 */
export function applyAction(world: World, action: ModelAction): void {
  try {
    runAction(world, action);
  } catch (error) {
    if (!(error instanceof IccError)) throw error;
    world.refusals.set(error.code, (world.refusals.get(error.code) ?? 0) + 1);
  }
  storeNewEvents(world);
}

function storeNewEvents(world: World): void {
  const log = combinedLog(world);
  for (const event of log.slice(world.storedEventCount)) if (isInteractionEvent(event)) foldInteractionEvent(world.stored, event);
  world.storedEventCount = log.length;
}

function runAction(world: World, action: ModelAction): void {
  const h = current(world);
  const open = openInteractions(h);
  switch (action.kind) {
    case 'request': {
      // A refused request creates nothing, so its number is free for the next one.
      const n = world.requested.length + 1;
      h.request(n, buildRequest(h, action));
      world.requested.push(`cb-${n}`);
      return;
    }
    case 'presence':
      h.presence(AGENT_IDS[action.agent] as string, action.presence);
      return;
    case 'command': {
      // The agent's own work if they have any, else whoever has something to do acts.
      const actionable = open.filter((interaction) => interaction.agentId !== undefined && (!action.allowed || controlsOf(interaction).length > 0));
      const own = actionable.filter((interaction) => interaction.agentId === AGENT_IDS[action.agent]);
      const target = pick(own.length > 0 ? own : actionable, action.pick);
      if (!target?.agentId) return;
      h.execute(target.agentId, buildCommand(h, target, chooseType(target, action.type, action.allowed), action.argument));
      return;
    }
    case 'stray-command': {
      const target = pick(open, action.pick);
      if (!target) return;
      const type = AGENT_COMMAND_TYPES[action.type % AGENT_COMMAND_TYPES.length] as AgentCommandType;
      h.execute(AGENT_IDS[action.agent] as string, buildCommand(h, target, type, action.argument));
      return;
    }
    case 'telephony': {
      const ringing = open.filter((interaction) => interaction.state === 'dialing');
      const onLine = open.filter((interaction) => interaction.customerOnLine);
      const candidates = action.outcome === 'customer-hangup' ? onLine : ringing;
      const target = pick(candidates.length > 0 ? candidates : open, action.pick);
      if (target) h.telephony(target.id, action.outcome);
      return;
    }
    case 'tick':
      h.advanceBy(action.milliseconds);
      return;
    case 'cancel': {
      const target = pick(world.requested, action.pick);
      if (target) h.record(h.engine.cancelCallback(target, action.actor, undefined, h.now()));
      return;
    }
    case 'reschedule': {
      const target = pick(world.requested, action.pick);
      if (!target) return;
      h.record(h.engine.reschedule(target, { start: iso(h.now() + action.inMinutes * MINUTE) }, 'api', h.now()));
      return;
    }
    case 'restart': {
      world.engines.push(restartEngine(h, { at: h.now() + action.downtimeMs, transferIdPrefix: `ix-restart-${world.restarts}-` }).h);
      world.restarts += 1;
      return;
    }
  }
}

function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

function buildRequest(h: EngineHarness, action: Extract<ModelAction, { kind: 'request' }>): Partial<CreateCallbackRequest> {
  const now = h.now();
  const request: Partial<CreateCallbackRequest> = {
    queueId: QUEUE_IDS[action.queue] as string,
    customer: {
      firstName: 'Maya',
      lastName: 'Lindqvist',
      phoneNumbers: action.twoNumbers ? [NUMBERS.first, NUMBERS.second] : [NUMBERS.first],
      timeZone: 'America/Los_Angeles',
      locale: 'en-US',
    },
  };
  if (action.mode !== undefined) request.mode = action.mode;
  if (action.retryPolicy !== undefined) request.retryPolicy = action.retryPolicy;
  if (action.expireInMinutes !== undefined) request.expireAt = iso(now + action.expireInMinutes * MINUTE);
  if (action.startInMinutes !== undefined) {
    const start = now + action.startInMinutes * MINUTE;
    request.schedule =
      action.windowMinutes === undefined
        ? { type: 'scheduled', start: iso(start) }
        : { type: 'scheduled', start: iso(start), windowEnd: iso(start + action.windowMinutes * MINUTE) };
  }
  return request;
}

/** Commands that move a callback towards its end; preferred half of the time so runs get deep. */
const FORWARD: readonly AgentCommandType[] = ['accept', 'dial', 'redial', 'submit-wrap-up'];

function controlsOf(interaction: Interaction): AgentCommandType[] {
  const queue = QUEUE_CONFIGS.get(interaction.queueId);
  return queue ? [...allowedControls(interaction, queue, FULL_CAPABILITIES)].sort() : [];
}

function chooseType(interaction: Interaction, choice: number, allowed: boolean): AgentCommandType {
  const controls = controlsOf(interaction);
  const forward = controls.find((type) => FORWARD.includes(type));
  if (allowed && forward !== undefined && choice % 2 === 0) return forward;
  const others = AGENT_COMMAND_TYPES.filter((type) => !controls.includes(type));
  const pool = allowed && controls.length > 0 ? controls : others;
  return pool[Math.floor(choice / 2) % pool.length] as AgentCommandType;
}

/** A well-formed command of `type`; `variant` picks its arguments, some of them refused on purpose. */
export function buildCommand(h: EngineHarness, interaction: Interaction, type: AgentCommandType, variant: number): AgentCommand {
  const interactionId = interaction.id;
  const numbers = interaction.card.phoneNumbers;
  const number = variant % 7 === 0 ? NUMBERS.stranger : (numbers[variant % numbers.length] as string);
  const agentId = AGENT_IDS[variant % AGENT_IDS.length] as string;
  switch (type) {
    case 'dial':
      return { type, interactionId, phoneNumber: number };
    case 'redial':
      return variant % 3 === 0 ? { type, interactionId } : { type, interactionId, phoneNumber: number };
    case 'send-dtmf':
      return { type, interactionId, digits: '12#' };
    case 'transfer-callback':
      return {
        type,
        interactionId,
        target: variant % 2 === 0 ? { kind: 'agent', agentId } : { kind: 'queue', queueId: QUEUE_IDS[variant % QUEUE_IDS.length] as string },
      };
    case 'transfer-call':
    case 'consult-call':
      return { type, interactionId, agentId };
    case 'escalate':
      return { type, interactionId, escalated: variant % 2 === 0 };
    case 'submit-wrap-up':
      return { type, interactionId, wrapUp: { reason: 'resolved', notes: '' } };
    case 'extend-wrap-up':
      // 600 s three times runs past the 30-minute cap: refused on purpose.
      return { type, interactionId, seconds: variant % 3 === 0 ? 600 : 60 };
    case 'close-callback':
      return variant % 2 === 0 ? { type, interactionId } : { type, interactionId, reason: { code: 'other-issue' }, notes: 'Closed in a test' };
    case 'reschedule':
      return { type, interactionId, start: iso(h.now() + ((variant % 6) - 1) * 20 * MINUTE) };
    default:
      return { type, interactionId } as AgentCommand;
  }
}
