import type { AsyncEventStore, Logger } from '@icc/core';
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
 * order and without gaps. Publications run one at a time (describing an event may read the
 * store); each resolves once every listener heard its events, and never rejects: a store read
 * that fails is logged and its events are read again by the next publication.
 */
export interface EventHub {
  /** Publishes everything committed after the last published seq. */
  publishFromStore(): Promise<void>;
  /**
   * Publishes events an append just committed, as the store returned them: no log read when they
   * follow the last published seq (the usual case). A gap before them is read from the log as
   * `publishFromStore` does (the gateway's only appender is the adapter sink, which hands over
   * every batch, so there is no log read per append to look for others).
   */
  publishCommitted(events: readonly IccEvent[]): Promise<void>;
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

export async function createEventHub(store: AsyncEventStore, logger: Logger): Promise<EventHub> {
  const listeners = new Set<EventListener>();
  const agentListeners = new Map<string, Map<EventListener, AccessPrincipal>>();
  let lastSeq = await store.headSeq();
  // Seeded with the open interactions as of lastSeq: snapshots then come from memory, never from the log.
  const timeline = await createInteractionTimeline(store, logger, { seedOpenUntil: lastSeq });
  let turn: Promise<void> = Promise.resolve();

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

  const publish = async (event: IccEvent) => {
    const published = await describeEvent(event, timeline, store);
    lastSeq = event.seq;
    for (const listener of recipientsOf(published)) {
      try {
        listener(published);
      } catch (error) {
        logger.error({ err: error, seq: event.seq }, 'event listener failed');
      }
    }
  };

  const readAndPublish = async () => {
    for (;;) {
      const batch = await store.readAfter(lastSeq, READ_BATCH);
      if (batch.length === 0) return;
      for (const event of batch) await publish(event);
    }
  };

  const publishCommittedNow = async (events: readonly IccEvent[]) => {
    for (const event of events) {
      if (event.seq <= lastSeq) continue;
      if (event.seq !== lastSeq + 1) return readAndPublish();
      await publish(event);
    }
  };

  /** One publication at a time, in the order asked for. */
  const inTurn = (work: () => Promise<void>): Promise<void> => {
    const done = turn.then(work).catch((error: unknown) => logger.error({ err: error, lastSeq }, 'publishing events failed; the next publication reads them again'));
    turn = done;
    return done;
  };

  return {
    timeline,
    publishFromStore: () => inTurn(readAndPublish),
    publishCommitted: (events) => inTurn(() => publishCommittedNow(events)),
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
