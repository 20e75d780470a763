import type { AsyncEventStore, Logger } from '@icc/core';
import type { IccEvent } from '@icc/protocol';
import type { AccessPrincipal } from '../auth/access-policy';
import { createAgentDirectory, type AgentDirectory } from './agent-directory';
import { createInteractionTimeline, type InteractionTimeline } from './interaction-timeline';
import { describeEvent } from './describe-event';
import { createListenerIndex } from './listener-index';
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
   * looked at, so one event costs the agents it concerns, not all. Listeners are looked up by
   * agent and by queue, never scanned. A supervisor's listener hears every event.
   */
  subscribeAgent(principal: AccessPrincipal, listener: EventListener): () => void;
  lastPublishedSeq(): number;
  /** Knows every open interaction as of `lastPublishedSeq()` (see `InteractionTimeline.open`). */
  timeline: InteractionTimeline;
  /**
   * Every agent with its presence as of `lastPublishedSeq()`: read from the store once, on first
   * use (after the gateway's start-up configuration), then kept by the presence events published
   * and the configuration reads that pass by (`AgentDirectory.configured`). No store read per
   * presence event, none of every agent per hello.
   */
  agents(): Promise<AgentDirectory>;
}

const READ_BATCH = 500;

export async function createEventHub(store: AsyncEventStore, logger: Logger): Promise<EventHub> {
  const listeners = new Set<EventListener>();
  /** Agents' listeners by their agent id (interaction events name agents)… */
  const byAgent = createListenerIndex<EventListener>();
  /** …and by the queues they work in (presence events concern the agents of the same queues, `mayKnowAgent`). */
  const byQueue = createListenerIndex<EventListener>();
  let lastSeq = await store.headSeq();
  // Seeded with the open interactions as of lastSeq: snapshots then come from memory, never from the log.
  const timeline = await createInteractionTimeline(store, logger, { seedOpenUntil: lastSeq });
  let turn: Promise<void> = Promise.resolve();
  let directory: Promise<AgentDirectory> | undefined;
  const agents = (): Promise<AgentDirectory> => {
    directory ??= store.listAgents().then(createAgentDirectory, (error: unknown) => {
      directory = undefined; // read again by the next caller
      throw error;
    });
    return directory;
  };
  /** An agent saved after the directory was read is looked up once, then known. */
  const agentOf = async (agentId: string) => {
    const known = await agents();
    const agent = known.get(agentId);
    if (agent) return agent;
    const stored = await store.getAgent(agentId);
    if (stored) known.configured(stored);
    return stored;
  };

  /**
   * A copy, taken before any listener runs: one that subscribes or leaves meanwhile does not change
   * this event's recipients. Looked up by agent and queue: an event costs the listeners it concerns.
   */
  const recipientsOf = (published: PublishedEvent): Set<EventListener> => {
    const recipients = new Set(listeners);
    if (published.event.type === 'agent.presence-changed') {
      const { agent, event } = published;
      // An agent the store does not know has no queues to go by: every stream hears of it (mayKnowAgent has nothing to refuse).
      if (!agent) for (const listener of byAgent.all()) recipients.add(listener);
      else {
        byAgent.collect(event.agentId, recipients);
        for (const queueId of agent.queueIds) byQueue.collect(queueId, recipients);
      }
    } else if (published.interaction && published.involvement) {
      for (const agentId of published.involvement.keys()) byAgent.collect(agentId, recipients);
      if (published.interaction.agentId !== undefined) byAgent.collect(published.interaction.agentId, recipients);
    }
    return recipients;
  };

  const publish = async (event: IccEvent) => {
    const published = await describeEvent(event, timeline, agentOf);
    if (published.agent) (await agents()).presenceChanged(published.agent);
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

  const subscribe = (listener: EventListener) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };

  /** One publication at a time, in the order asked for. */
  const inTurn = (work: () => Promise<void>): Promise<void> => {
    const done = turn.then(work).catch((error: unknown) => logger.error({ err: error, lastSeq }, 'publishing events failed; the next publication reads them again'));
    turn = done;
    return done;
  };

  return {
    timeline,
    agents,
    publishFromStore: () => inTurn(readAndPublish),
    publishCommitted: (events) => inTurn(() => publishCommittedNow(events)),
    subscribe,
    subscribeAgent(principal, listener) {
      // A supervisor may know every agent: its listener hears every event a supervisor's stream could show.
      if (principal.role === 'supervisor') return subscribe(listener);
      const leaveAgent = byAgent.add([principal.agentId], listener);
      const leaveQueues = byQueue.add(principal.queueIds, listener);
      return () => {
        leaveAgent();
        leaveQueues();
      };
    },
    lastPublishedSeq: () => lastSeq,
  };
}
