import type { Interaction, InteractionEvent } from '@icc/protocol';
import type { Involvement } from '../auth/access-policy';

/** What an interaction event says each agent did; `before` is the interaction's view before it. */
export function involvementInEvent(event: InteractionEvent, before: Interaction | undefined): Array<[agentId: string, involvement: Involvement]> {
  switch (event.type) {
    case 'interaction.offered':
      return [[event.agentId, 'offered']];
    case 'interaction.offer-declined':
      return [[event.agentId, 'declined']];
    case 'interaction.accepted':
      return [[event.agentId, 'handled']];
    case 'interaction.dialing':
      return event.agentId === undefined ? [] : [[event.agentId, 'handled']];
    case 'interaction.consult-started':
      return [[event.agentId, 'consulted']];
    case 'interaction.call-transferred':
      return [
        [event.fromAgentId, 'transferred-away'],
        [event.toAgentId, 'handled'],
      ];
    case 'interaction.call-requeued':
      return [[event.fromAgentId, 'transferred-away']];
    case 'interaction.transfer-requested':
      return before?.agentId === undefined ? [] : [[before.agentId, 'transferred-away']];
    default:
      return [];
  }
}
