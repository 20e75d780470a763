import { IccError } from '@icc/core';
import type { Interaction } from '@icc/protocol';
import type { InteractionMoment } from '../events/interaction-timeline';
import { isSupervisor, type Principal } from './principal';

/** Supervisors see everything; an agent sees interactions offered to or handled by them. */
export function maySeeInteraction(principal: Principal, moment: InteractionMoment): boolean {
  if (isSupervisor(principal)) return true;
  return moment.view.agentId === principal.agentId || moment.involvedAgents.has(principal.agentId);
}

export function assertMaySeeInteraction(principal: Principal, moment: InteractionMoment): void {
  if (!maySeeInteraction(principal, moment)) {
    throw new IccError('forbidden', `Interaction ${moment.view.id} is not offered to or handled by ${principal.agentId}`);
  }
}

/** Only the agent an interaction is currently offered to or handled by may command it. */
export function assertMayCommandInteraction(principal: Principal, interaction: Interaction): void {
  if (interaction.agentId !== principal.agentId) {
    throw new IccError('forbidden', `Interaction ${interaction.id} is not offered to or handled by ${principal.agentId}`);
  }
}
