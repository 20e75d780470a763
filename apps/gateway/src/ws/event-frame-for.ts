import type { EventFrame } from '@icc/protocol';
import { mayReadPublished } from '../auth/access-control';
import type { AccessPrincipal } from '../auth/access-policy';
import type { PublishedEvent } from '../events/event-hub';

/** The frame of an event for one principal, or undefined when they may not see it. */
export function eventFrameFor(principal: AccessPrincipal, published: PublishedEvent): EventFrame | undefined {
  const { event, interaction, agent } = published;
  if (event.type === 'agent.presence-changed') return agent ? { type: 'event', event, agent } : { type: 'event', event };
  if (!interaction || !mayReadPublished(principal, published)) return undefined;
  return { type: 'event', event, interaction };
}
