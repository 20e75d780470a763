import type { Agent, IccEvent, Interaction } from '@icc/protocol';

/** A durable event with what subscribers need to filter and frame it. */
export interface PublishedEvent {
  event: IccEvent;
  /** Interaction events: the view right after the event. */
  interaction?: Interaction;
  /** Interaction events: every agent the interaction was offered to or handled by, up to this event. */
  involvedAgents?: ReadonlySet<string>;
  /** Presence events: the agent after the event. */
  agent?: Agent;
}
