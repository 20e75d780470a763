import { isInteractionEvent, type Interaction, type InteractionEvent } from '@icc/protocol';
import { reduceInteraction, type AsyncEventStore, type Logger } from '@icc/core';
import type { AgentInvolvement, Involvement } from '../auth/access-policy';
import { involvementInEvent } from './involvement-in-event';

/** An interaction as it was right after one event, and what every agent involved up to then did with it. */
export interface InteractionMoment {
  view: Interaction;
  involvement: AgentInvolvement;
}

/**
 * Folds interaction events in `seq` order, remembering per interaction the view and the agents
 * it was offered to or handled by. Used for live fan-out (one timeline for the gateway) and for
 * replays (one per resuming socket), so both decide visibility the same way.
 */
export interface InteractionTimeline {
  /**
   * Folds the next event of its interaction; events must come in `seq` order, one advance settled
   * before the next begins (only an interaction it does not know yet is read from the log).
   */
  advance(event: InteractionEvent): Promise<InteractionMoment | undefined>;
  /** The current moment of an interaction, folded from the log. */
  current(interactionId: string): Promise<InteractionMoment | undefined>;
  /**
   * Open interactions as of the last event advanced, from memory: all of them, or (with `agentId`)
   * those the agent holds or was involved in, so a caller pays for what one agent may see, not for
   * every open interaction. Complete only for a timeline created with `seedOpenUntil` and advanced
   * through every event since.
   */
  open(agentId?: string): InteractionMoment[];
}

interface Entry {
  view: Interaction;
  involvement: Map<string, ReadonlySet<Involvement>>;
}

export interface InteractionTimelineOptions {
  keepClosed?: boolean;
  /** Start out knowing every interaction open in the store, folded up to this seq (the head, when nothing is appended meanwhile). */
  seedOpenUntil?: number;
}

/** A timeline seeded with the open interactions (`seedOpenUntil`) is ready once this resolves. */
export async function createInteractionTimeline(store: AsyncEventStore, logger: Logger, options: InteractionTimelineOptions = {}): Promise<InteractionTimeline> {
  const entries = new Map<string, Entry>();
  /** Agent id → ids of the remembered interactions they hold or were involved in. */
  const byAgent = new Map<string, Set<string>>();

  const agentsOf = (entry: Entry): Set<string> => {
    const agents = new Set(entry.involvement.keys());
    if (entry.view.agentId !== undefined) agents.add(entry.view.agentId);
    return agents;
  };
  const unindex = (id: string, entry: Entry | undefined) => {
    if (!entry) return;
    for (const agentId of agentsOf(entry)) {
      const ids = byAgent.get(agentId);
      ids?.delete(id);
      if (ids?.size === 0) byAgent.delete(agentId);
    }
  };
  /** Most events change no one's involvement: the index then stays as it is. */
  const sameAgents = (before: Entry, after: Entry) =>
    before.view.agentId === after.view.agentId &&
    (before.involvement === after.involvement ||
      (before.involvement.size === after.involvement.size && [...after.involvement.keys()].every((agentId) => before.involvement.has(agentId))));
  const remember = (id: string, entry: Entry) => {
    const before = entries.get(id);
    entries.set(id, entry);
    if (before && sameAgents(before, entry)) return;
    unindex(id, before);
    for (const agentId of agentsOf(entry)) {
      let ids = byAgent.get(agentId);
      if (!ids) byAgent.set(agentId, (ids = new Set()));
      ids.add(id);
    }
  };
  const forget = (id: string) => {
    unindex(id, entries.get(id));
    entries.delete(id);
  };

  const fold = (entry: Entry | undefined, event: InteractionEvent): Entry | undefined => {
    let view: Interaction;
    try {
      view = reduceInteraction(entry?.view, event);
    } catch (error) {
      logger.warn({ err: error, seq: event.seq, type: event.type }, 'event does not fold into its interaction');
      if (!entry) return undefined;
      view = { ...entry.view, seq: event.seq };
    }
    const changes = involvementInEvent(event, entry?.view);
    // Moments are never changed once made: one that adds no involvement shares the one before.
    if (entry && changes.length === 0) return { view, involvement: entry.involvement };
    const involvement = new Map(entry?.involvement);
    for (const [agentId, what] of changes) {
      involvement.set(agentId, new Set([...(involvement.get(agentId) ?? []), what]));
    }
    return { view, involvement };
  };

  const foldFromLog = async (interactionId: string, untilSeq: number): Promise<Entry | undefined> => {
    let entry: Entry | undefined;
    for (const event of await store.readInteraction(interactionId)) {
      if (event.seq > untilSeq) break;
      if (isInteractionEvent(event)) entry = fold(entry, event);
    }
    return entry;
  };

  if (options.seedOpenUntil !== undefined) {
    for (const { id } of await store.openInteractions()) {
      const entry = await foldFromLog(id, options.seedOpenUntil);
      if (entry && entry.view.state !== 'closed') remember(id, entry);
    }
  }

  const byRequest = (a: InteractionMoment, b: InteractionMoment) =>
    Date.parse(a.view.requestedAt) - Date.parse(b.view.requestedAt) || (a.view.id < b.view.id ? -1 : a.view.id > b.view.id ? 1 : 0);

  return {
    async advance(event) {
      const known = entries.get(event.interactionId);
      const entry =
        known && known.view.seq < event.seq
          ? fold(known, event)
          : event.type === 'interaction.created' // always an interaction's first event: nothing to read back
            ? fold(undefined, event)
            : await foldFromLog(event.interactionId, event.seq);
      if (!entry) return undefined;
      if (entry.view.state === 'closed' && !options.keepClosed) forget(event.interactionId);
      else remember(event.interactionId, entry);
      return entry;
    },
    current(interactionId) {
      return foldFromLog(interactionId, Number.MAX_SAFE_INTEGER);
    },
    open(agentId) {
      const ids = agentId === undefined ? entries.keys() : (byAgent.get(agentId) ?? []);
      const moments: InteractionMoment[] = [];
      for (const id of ids) {
        const entry = entries.get(id);
        if (entry && entry.view.state !== 'closed') moments.push(entry);
      }
      return moments.sort(byRequest);
    },
  };
}
