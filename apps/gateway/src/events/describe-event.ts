import { isInteractionEvent, type IccEvent } from '@icc/protocol';
import type { AsyncEventStore } from '@icc/core';
import type { PublishedEvent } from './published-event';
import type { InteractionTimeline } from './interaction-timeline';
import { presenceView } from './presence-view';

/** Adds to a stored event the interaction view after it (or the agent), folding it into `timeline`. */
export async function describeEvent(event: IccEvent, timeline: InteractionTimeline, store: AsyncEventStore): Promise<PublishedEvent> {
  if (isInteractionEvent(event)) {
    const moment = await timeline.advance(event);
    return moment ? { event, interaction: moment.view, involvement: moment.involvement } : { event };
  }
  const agent = await store.getAgent(event.agentId);
  return agent ? { event, agent: presenceView(agent, event) } : { event };
}
