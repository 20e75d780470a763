import type { IccEvent } from '@icc/protocol';

/** Agents an interaction event offers it to, assigns it to or takes it from. */
export function agentsNamedInEvent(event: IccEvent): string[] {
  switch (event.type) {
    case 'interaction.offered':
    case 'interaction.offer-declined':
    case 'interaction.accepted':
    case 'interaction.consult-started':
      return [event.agentId];
    case 'interaction.dialing':
      return event.agentId === undefined ? [] : [event.agentId];
    case 'interaction.call-transferred':
      return [event.fromAgentId, event.toAgentId];
    default:
      return [];
  }
}
