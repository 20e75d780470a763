import { Presence } from '../presence';
import { defineAgentEvent } from './define-event';

export const AgentPresenceChangedEvent = defineAgentEvent('agent.presence-changed', {
  presence: Presence,
  previous: Presence,
  /**
   * Only on the system's work states (`busy`, `wrap-up`): the presence the agent chose, which comes
   * back when the work ends. A choice made during the work is recorded here, the work state staying.
   */
  chosen: Presence.optional(),
});
