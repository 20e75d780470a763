import { Presence } from '../presence';
import { defineAgentEvent } from './define-event';

export const AgentPresenceChangedEvent = defineAgentEvent('agent.presence-changed', {
  presence: Presence,
  previous: Presence,
});
