import type { Agent, IccEvent, Interaction } from '@icc/protocol';
import type { AgentInvolvement } from '../auth/access-policy';

/** A durable event with what subscribers need to filter and frame it. */
export interface PublishedEvent {
  event: IccEvent;
  /** Interaction events: the view right after the event. */
  interaction?: Interaction;
  /** Interaction events: what every agent the interaction concerned did with it, up to this event. */
  involvement?: AgentInvolvement;
  /** Presence events: the agent after the event. */
  agent?: Agent;
}
