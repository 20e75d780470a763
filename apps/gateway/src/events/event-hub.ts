import type { EventStore, Logger } from '@icc/core';
import type { IccEvent } from '@icc/protocol';
import { mayKnowAgent, type AccessPrincipal } from '../auth/access-policy';
import { createInteractionTimeline, type InteractionTimeline } from './interaction-timeline';
import { describeEvent } from './describe-event';
import type { PublishedEvent } from './published-event';

export type { PublishedEvent } from './published-event';

export type EventListener = (published: PublishedEvent) => void;

/**
 * Fans durable events out in `seq` order, each exactly once. Publishing reads the log after the
 * last published seq, so concurrent appends that resolve out of order are still delivered in
 * order and without gaps.
 */
export interface EventHub {
  publishFromStore(): void;
  /**
   * Publishes events an append just committed, as the store returned them: no log read when they
   * follow the last published seq (the usual case). Anything else committed meanwhile, and any gap,
   * is read from the log as `publishFromStore` does.
   */
  publishCommitted(events: readonly IccEvent[]): void;
  /** Every event. */
  subscribe(listener: EventListener): () => void;
  /**
   * Only what an agent's stream can show: presence events of the agents it may know
   * (`mayKnowAgent`), and interaction events of interactions offered to or handled by the agent
   * (its current agent or anyone in its `involvement`). Other interaction events are not even
   * looked at, so one event costs the agents it concerns, not all.
   */
  subscribeAgent(principal: AccessPrincipal, listener: EventListener): () => void;
  lastPublishedSeq(): number;
  /** Knows every open interaction as of `lastPublishedSeq()` (see `InteractionTimeline.open`). */
  timeline: InteractionTimeline;
}

const READ_BATCH = 500;

export function createEventHub(store: EventStore, logger: Logger): EventHub {
  const listeners = new Set<EventListener>();
  const agentListeners = new Map<string, Map<EventListener, AccessPrincipal>>();
  let lastSeq = store.headSeq();
  // Seeded with the open interactions as of lastSeq: snapshots then come from memory, never from the log.
  const timeline = createInteractionTimeline(store, logger, { seedOpenUntil: lastSeq });

  /** A copy, taken before any listener runs: one that subscribes or leaves meanwhile does not change this event's recipients. */
  const recipientsOf = (published: PublishedEvent): EventListener[] => {
    const recipients = [...listeners];
    if (published.event.type === 'agent.presence-changed') {
      const { agent } = published;
      for (const ofAgent of agentListeners.values()) {
        for (const [listener, principal] of ofAgent) if (!agent || mayKnowAgent(principal, agent)) recipients.push(listener);
      }
    } else if (published.interaction && published.involvement) {
      const named = new Set(published.involvement.keys());
      if (published.interaction.agentId !== undefined) named.add(published.interaction.agentId);
      for (const agentId of named) recipients.push(...(agentListeners.get(agentId)?.keys() ?? []));
    }
    return recipients;
  };

  const publish = (event: IccEvent) => {
    lastSeq = event.seq;
    const published = describeEvent(event, timeline, store);
    for (const listener of recipientsOf(published)) {
      try {
        listener(published);
      } catch (error) {
        logger.error({ err: error, seq: event.seq }, 'event listener failed');
      }
    }
  };

  const publishFromStore = () => {
    for (;;) {
      const batch = store.readAfter(lastSeq, READ_BATCH);
      if (batch.length === 0) return;
      for (const event of batch) publish(event);
    }
  };

  return {
    timeline,
    publishFromStore,
    publishCommitted(events) {
      if (events[0]?.seq === lastSeq + 1) {
        for (const event of events) {
          if (event.seq !== lastSeq + 1) break;
          publish(event);
        }
      }
      if (store.headSeq() > lastSeq) publishFromStore();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    subscribeAgent(principal, listener) {
      const { agentId } = principal;
      let ofAgent = agentListeners.get(agentId);
      if (!ofAgent) agentListeners.set(agentId, (ofAgent = new Map()));
      ofAgent.set(listener, principal);
      return () => {
        ofAgent.delete(listener);
        if (ofAgent.size === 0 && agentListeners.get(agentId) === ofAgent) agentListeners.delete(agentId);
      };
    },
    lastPublishedSeq: () => lastSeq,
  };
}
