import { IccError } from '@icc/core';
import type { Callback } from '@icc/protocol';
import type { InteractionTimeline } from '../events/interaction-timeline';
import { maySeeInteraction } from './interaction-access';
import { isSupervisor, type Principal } from './principal';

const MAX_TRANSFER_HOPS = 50;

/** Supervisors see every callback; an agent sees those whose interactions (across transfers) they handled. */
export function assertMaySeeCallback(principal: Principal, callback: Callback, timeline: InteractionTimeline): void {
  if (isSupervisor(principal)) return;
  let interactionId: string | undefined = callback.interactionId;
  for (let hop = 0; interactionId !== undefined && hop < MAX_TRANSFER_HOPS; hop++) {
    const moment = timeline.current(interactionId);
    if (!moment) break;
    if (maySeeInteraction(principal, moment)) return;
    interactionId = moment.view.transferredFrom;
  }
  throw new IccError('forbidden', `Callback ${callback.number} was not handled by ${principal.agentId}`);
}
