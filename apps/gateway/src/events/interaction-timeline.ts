import { isInteractionEvent, type Interaction, type InteractionEvent } from '@icc/protocol';
import { reduceInteraction, type EventStore, type Logger } from '@icc/core';
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
  /** Folds the next event of its interaction; events must come in `seq` order. */
  advance(event: InteractionEvent): InteractionMoment | undefined;
  /** The current moment of an interaction, folded from the log. */
  current(interactionId: string): InteractionMoment | undefined;
}

interface Entry {
  view: Interaction;
  involvement: Map<string, ReadonlySet<Involvement>>;
}

export function createInteractionTimeline(store: EventStore, logger: Logger, options: { keepClosed?: boolean } = {}): InteractionTimeline {
  const entries = new Map<string, Entry>();

  const fold = (entry: Entry | undefined, event: InteractionEvent): Entry | undefined => {
    let view: Interaction;
    try {
      view = reduceInteraction(entry?.view, event);
    } catch (error) {
      logger.warn({ err: error, seq: event.seq, type: event.type }, 'event does not fold into its interaction');
      if (!entry) return undefined;
      view = { ...entry.view, seq: event.seq };
    }
    const involvement = new Map(entry?.involvement);
    for (const [agentId, what] of involvementInEvent(event, entry?.view)) {
      involvement.set(agentId, new Set([...(involvement.get(agentId) ?? []), what]));
    }
    return { view, involvement };
  };

  const foldFromLog = (interactionId: string, untilSeq: number): Entry | undefined => {
    let entry: Entry | undefined;
    for (const event of store.readInteraction(interactionId)) {
      if (event.seq > untilSeq) break;
      if (isInteractionEvent(event)) entry = fold(entry, event);
    }
    return entry;
  };

  return {
    advance(event) {
      const known = entries.get(event.interactionId);
      const entry =
        known && known.view.seq < event.seq
          ? fold(known, event)
          : event.type === 'interaction.created' // always an interaction's first event: nothing to read back
            ? fold(undefined, event)
            : foldFromLog(event.interactionId, event.seq);
      if (!entry) return undefined;
      if (entry.view.state === 'closed' && !options.keepClosed) entries.delete(event.interactionId);
      else entries.set(event.interactionId, entry);
      return entry;
    },
    current(interactionId) {
      return foldFromLog(interactionId, Number.MAX_SAFE_INTEGER);
    },
  };
}
