import type { Agent, EventFrame, Interaction, QueueConfig, ServerFrame } from '@icc/protocol';
import type { InteractionStoreState } from './interaction-store-state';

/**
 * Pure reducer of the interaction store: returns `state` itself when the frame changes nothing,
 * so `useSyncExternalStore` consumers re-render only on real changes.
 */
export function applyServerFrame(state: InteractionStoreState, frame: ServerFrame): InteractionStoreState {
  switch (frame.type) {
    case 'welcome': {
      const changed =
        state.vendor !== frame.vendor || !sameJson(state.capabilities, frame.capabilities) || !sameJson(state.me, frame.agent);
      if (!changed) return state;
      return freeze({
        ...state,
        vendor: frame.vendor,
        capabilities: frame.capabilities,
        me: frame.agent,
        agents: putAgent(state.agents, frame.agent),
      });
    }
    case 'snapshot': {
      const agents = indexBy(frame.agents, (agent) => agent.id);
      const me = state.me ? (agents[state.me.id] ?? state.me) : undefined;
      return freeze({
        ...state,
        interactions: indexBy(frame.interactions, (interaction) => interaction.id),
        agents: me ? putAgent(agents, me) : agents,
        queues: indexBy(frame.queues, (queue) => queue.id),
        queueStats: indexBy(frame.queueStats, (stats) => stats.queueId),
        me,
        lastSeq: frame.seq,
      });
    }
    case 'event':
      return applyEvent(state, frame);
    case 'command.result':
      return frame.ok ? upsertInteraction(state, frame.interaction) : state;
    case 'queue.stats': {
      const changed = frame.stats.filter((stats) => !sameJson(state.queueStats[stats.queueId], stats));
      if (changed.length === 0) return state;
      return freeze({ ...state, queueStats: Object.freeze({ ...state.queueStats, ...indexBy(changed, (stats) => stats.queueId) }) });
    }
    default:
      return state;
  }
}

/**
 * Folds a queue configuration obtained over REST (the answer to a change the user made) unless a
 * newer version is held; the stream's next snapshot replaces it anyway.
 */
export function upsertQueue(state: InteractionStoreState, queue: QueueConfig): InteractionStoreState {
  const held = state.queues[queue.id];
  if (held && (sameJson(held, queue) || (held.version ?? 0) > (queue.version ?? 0))) return state;
  return freeze({ ...state, queues: Object.freeze({ ...state.queues, [queue.id]: queue }) });
}

/** Folds an interaction view unless the store already holds a newer one (views carry their `seq`). */
export function upsertInteraction(state: InteractionStoreState, interaction: Interaction): InteractionStoreState {
  const held = state.interactions[interaction.id];
  if (held && (held.seq > interaction.seq || (held.seq === interaction.seq && sameJson(held, interaction)))) return state;
  return freeze({ ...state, interactions: Object.freeze({ ...state.interactions, [interaction.id]: interaction }) });
}

function applyEvent(state: InteractionStoreState, frame: EventFrame): InteractionStoreState {
  const { event } = frame;
  if (event.seq <= state.lastSeq) return state;
  let next: InteractionStoreState = { ...state, lastSeq: event.seq };
  if (frame.interaction) next = upsertInteraction(next, frame.interaction);
  const agent = frame.agent ?? presencePatched(state, frame);
  if (agent) {
    next = { ...next, agents: putAgent(next.agents, agent), me: next.me?.id === agent.id ? agent : next.me };
  }
  return freeze(next);
}

/** A presence event without the agent view still updates an agent we know. */
function presencePatched(state: InteractionStoreState, frame: EventFrame): Agent | undefined {
  if (frame.event.type !== 'agent.presence-changed') return undefined;
  const known = state.agents[frame.event.agentId];
  return known ? { ...known, presence: frame.event.presence } : undefined;
}

function putAgent(agents: Readonly<Record<string, Agent>>, agent: Agent): Readonly<Record<string, Agent>> {
  return Object.freeze({ ...agents, [agent.id]: agent });
}

function indexBy<Item>(items: readonly Item[], keyOf: (item: Item) => string): Readonly<Record<string, Item>> {
  const index: Record<string, Item> = {};
  for (const item of items) index[keyOf(item)] = item;
  return Object.freeze(index);
}

function freeze(state: InteractionStoreState): InteractionStoreState {
  return Object.freeze(state);
}

function sameJson(left: unknown, right: unknown): boolean {
  return left === right || JSON.stringify(left) === JSON.stringify(right);
}
