import type { Agent, IccEventOf } from '@icc/protocol';

/** The agent as a presence event left it (configuration from the current read model). */
export function presenceView(agent: Agent, event: IccEventOf<'agent.presence-changed'>): Agent {
  const { availableSince, ...rest } = agent;
  if (event.presence !== 'available') return { ...rest, presence: event.presence };
  return { ...rest, presence: 'available', availableSince: agent.presence === 'available' && availableSince ? availableSince : event.at };
}
