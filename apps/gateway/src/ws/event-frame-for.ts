import type { EventFrame } from '@icc/protocol';
import { maySeeInteraction } from '../auth/interaction-access';
import type { Principal } from '../auth/principal';
import type { PublishedEvent } from '../events/event-hub';

/** The frame of an event for one principal, or undefined when they may not see it. */
export function eventFrameFor(principal: Principal, published: PublishedEvent): EventFrame | undefined {
  const { event, interaction, involvedAgents, agent } = published;
  if (event.type === 'agent.presence-changed') return agent ? { type: 'event', event, agent } : { type: 'event', event };
  if (!interaction || !involvedAgents) return undefined;
  if (!maySeeInteraction(principal, { view: interaction, involvedAgents })) return undefined;
  return { type: 'event', event, interaction };
}
