import { isInteractionEvent, type Agent, type IccEvent } from '@icc/protocol';
import type { PublishedEvent } from './published-event';
import type { InteractionTimeline } from './interaction-timeline';
import { presenceView } from './presence-view';

/** The agent as known before an event: the hub's directory live, the store for a replay. */
export type AgentLookup = (agentId: string) => Agent | undefined | Promise<Agent | undefined>;

/** Adds to a stored event the interaction view after it (or the agent), folding it into `timeline`. */
export async function describeEvent(event: IccEvent, timeline: InteractionTimeline, agentOf: AgentLookup): Promise<PublishedEvent> {
  if (isInteractionEvent(event)) {
    const moment = await timeline.advance(event);
    return moment ? { event, interaction: moment.view, involvement: moment.involvement } : { event };
  }
  const agent = await agentOf(event.agentId);
  return agent ? { event, agent: presenceView(agent, event) } : { event };
}
