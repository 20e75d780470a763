import { IccError, type AsyncEventStore } from '@icc/core';
import type { Callback } from '@icc/protocol';
import type { InteractionMoment, InteractionTimeline } from '../events/interaction-timeline';
import type { PublishedEvent } from '../events/published-event';
import { mayAccess, mayKeepFor, relationshipOf, type AccessAction, type AccessFacts, type AccessPrincipal, type Involvement } from './access-policy';
import type { Principal } from './principal';

const MAX_TRANSFER_HOPS = 50;

/**
 * Where every route and stream frame asks the access policy: facts come from the event log
 * (through the timeline), the answer from `ACCESS_POLICY`. Refusals are `403 forbidden`.
 */
export interface AccessControl {
  assertCallback(principal: Principal, callback: Callback, action: AccessAction): Promise<void>;
  assertInteraction(principal: Principal, interactionId: string, action: AccessAction): Promise<void>;
  /** Whether `principal` may `action` the callback (lists filter with it instead of refusing). */
  allowsCallback(principal: Principal, callback: Callback, action: AccessAction): Promise<boolean>;
  /** Refuses keeping a callback in `queueId` for `agentId` unless `mayKeepFor` allows it. */
  assertMayKeepFor(principal: Principal, agentId: string, queueId: string): Promise<void>;
  principalOf(principal: Principal): Promise<AccessPrincipal>;
}

/** One interaction: it is handled by whoever it is offered to or handled by (closed ones keep their last agent). */
export function interactionFacts(moment: Pick<InteractionMoment, 'view' | 'involvement'>): AccessFacts {
  return { currentAgentId: moment.view.agentId, involvement: moment.involvement, queueId: moment.view.queueId };
}

/** A callback: held by the agent of its current interaction; involvement gathered across every interaction it was transferred through. */
export async function callbackFacts(callback: Callback, timeline: InteractionTimeline): Promise<AccessFacts> {
  const involvement = new Map<string, Set<Involvement>>();
  let currentAgentId: string | undefined;
  let interactionId: string | undefined = callback.interactionId;
  for (let hop = 0; interactionId !== undefined && hop < MAX_TRANSFER_HOPS; hop++) {
    const moment = await timeline.current(interactionId);
    if (!moment) break;
    if (hop === 0) currentAgentId = moment.view.agentId;
    for (const [agentId, what] of moment.involvement) involvement.set(agentId, new Set([...(involvement.get(agentId) ?? []), ...what]));
    interactionId = moment.view.transferredFrom;
  }
  return { currentAgentId, keptFor: callback.assignedAgentId, involvement, queueId: callback.queueId };
}

/** Whether a stream event reaches `principal`: judged on its interaction as right after the event. */
export function mayReadPublished(principal: AccessPrincipal, published: PublishedEvent): boolean {
  if (!published.interaction || !published.involvement) return false;
  return mayAccess(principal, interactionFacts({ view: published.interaction, involvement: published.involvement }), 'read');
}

export function createAccessControl(store: AsyncEventStore, timeline: InteractionTimeline): AccessControl {
  const principalOf = async (principal: Principal): Promise<AccessPrincipal> => ({
    agentId: principal.agentId,
    role: principal.role,
    queueIds: (await store.getAgent(principal.agentId))?.queueIds ?? [],
  });
  const refuse = (principal: AccessPrincipal, facts: AccessFacts, action: AccessAction, subject: string): never => {
    throw new IccError('forbidden', `${principal.agentId} (${relationshipOf(principal, facts)}) may not ${action} ${subject}`);
  };
  return {
    principalOf,
    async assertCallback(principal, callback, action) {
      const who = await principalOf(principal);
      const facts = await callbackFacts(callback, timeline);
      if (!mayAccess(who, facts, action)) refuse(who, facts, action, `callback ${callback.number}`);
    },
    async allowsCallback(principal, callback, action) {
      return mayAccess(await principalOf(principal), await callbackFacts(callback, timeline), action);
    },
    async assertMayKeepFor(principal, agentId, queueId) {
      if (!mayKeepFor(await principalOf(principal), agentId, queueId)) {
        throw new IccError('forbidden', `${principal.agentId} may not keep a callback of ${queueId} for ${agentId}`);
      }
    },
    async assertInteraction(principal, interactionId, action) {
      const moment = await timeline.current(interactionId);
      if (!moment) throw new IccError('not_found', `Interaction ${interactionId} does not exist`);
      const who = await principalOf(principal);
      const facts = interactionFacts(moment);
      if (!mayAccess(who, facts, action)) refuse(who, facts, action, `interaction ${interactionId}`);
    },
  };
}
