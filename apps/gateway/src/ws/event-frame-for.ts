import type { EventFrame } from '@icc/protocol';
import { mayReadPublished } from '../auth/access-control';
import { mayKnowAgent, type AccessPrincipal } from '../auth/access-policy';
import type { PublishedEvent } from '../events/event-hub';

/** The frame of an event for one principal, or undefined when they may not see it. */
export function eventFrameFor(principal: AccessPrincipal, published: PublishedEvent): EventFrame | undefined {
  return mayReceive(principal, published) ? frameOf(published) : undefined;
}

/** Frame texts by event: the frame does not depend on who receives it, so it is serialized once for every socket. */
const frameTexts = new WeakMap<PublishedEvent, string>();

/** `eventFrameFor` as the text that goes on the wire, serialized at most once per event. */
export function eventFrameTextFor(principal: AccessPrincipal, published: PublishedEvent): string | undefined {
  if (!mayReceive(principal, published)) return undefined;
  let text = frameTexts.get(published);
  if (text === undefined) frameTexts.set(published, (text = JSON.stringify(frameOf(published))));
  return text;
}

function mayReceive(principal: AccessPrincipal, published: PublishedEvent): boolean {
  const { event, agent } = published;
  if (event.type === 'agent.presence-changed') return !agent || mayKnowAgent(principal, agent);
  return published.interaction !== undefined && mayReadPublished(principal, published);
}

function frameOf({ event, interaction, agent }: PublishedEvent): EventFrame {
  if (event.type === 'agent.presence-changed') return agent ? { type: 'event', event, agent } : { type: 'event', event };
  return { type: 'event', event, interaction };
}
