import type { EventStore, Logger } from '@icc/core';
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
  /** Every event. */
  subscribe(listener: EventListener): () => void;
  /**
   * Only what an agent's stream can show: presence events, and interaction events of
   * interactions offered to or handled by `agentId` (its current agent or anyone in its `involvement`).
   * Other events are not even looked at, so one event costs the agents it concerns, not all.
   */
  subscribeAgent(agentId: string, listener: EventListener): () => void;
  lastPublishedSeq(): number;
  timeline: InteractionTimeline;
}

const READ_BATCH = 500;

export function createEventHub(store: EventStore, logger: Logger): EventHub {
  const listeners = new Set<EventListener>();
  const agentListeners = new Map<string, Set<EventListener>>();
  const timeline = createInteractionTimeline(store, logger);
  let lastSeq = store.headSeq();

  /** A copy, taken before any listener runs: one that subscribes or leaves meanwhile does not change this event's recipients. */
  const recipientsOf = (published: PublishedEvent): EventListener[] => {
    const recipients = [...listeners];
    if (published.event.type === 'agent.presence-changed') {
      for (const ofAgent of agentListeners.values()) recipients.push(...ofAgent);
    } else if (published.interaction && published.involvement) {
      const named = new Set(published.involvement.keys());
      if (published.interaction.agentId !== undefined) named.add(published.interaction.agentId);
      for (const agentId of named) recipients.push(...(agentListeners.get(agentId) ?? []));
    }
    return recipients;
  };

  return {
    timeline,
    publishFromStore() {
      for (;;) {
        const batch = store.readAfter(lastSeq, READ_BATCH);
        if (batch.length === 0) return;
        for (const event of batch) {
          lastSeq = event.seq;
          const published = describeEvent(event, timeline, store);
          for (const listener of recipientsOf(published)) {
            try {
              listener(published);
            } catch (error) {
              logger.error({ err: error, seq: event.seq }, 'event listener failed');
            }
          }
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    subscribeAgent(agentId, listener) {
      let ofAgent = agentListeners.get(agentId);
      if (!ofAgent) agentListeners.set(agentId, (ofAgent = new Set()));
      ofAgent.add(listener);
      return () => {
        ofAgent.delete(listener);
        if (ofAgent.size === 0 && agentListeners.get(agentId) === ofAgent) agentListeners.delete(agentId);
      };
    },
    lastPublishedSeq: () => lastSeq,
  };
}
