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
  subscribe(listener: EventListener): () => void;
  lastPublishedSeq(): number;
  timeline: InteractionTimeline;
}

const READ_BATCH = 500;

export function createEventHub(store: EventStore, logger: Logger): EventHub {
  const listeners = new Set<EventListener>();
  const timeline = createInteractionTimeline(store, logger);
  let lastSeq = store.headSeq();

  return {
    timeline,
    publishFromStore() {
      for (;;) {
        const batch = store.readAfter(lastSeq, READ_BATCH);
        if (batch.length === 0) return;
        for (const event of batch) {
          lastSeq = event.seq;
          const published = describeEvent(event, timeline, store);
          for (const listener of [...listeners]) {
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
    lastPublishedSeq: () => lastSeq,
  };
}
