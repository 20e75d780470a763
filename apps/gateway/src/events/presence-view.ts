import type { Agent, IccEventOf } from '@icc/protocol';

/**
 * The agent as a presence event left it (configuration from the current read model), folded as
 * core's `nextAgentPresence` folds it for the store: time in state kept while the presence stays
 * (a choice recorded during work), `chosenPresence` only on work states.
 */
export function presenceView(agent: Agent, event: IccEventOf<'agent.presence-changed'>): Agent {
  const { availableSince, presenceSince, chosenPresence: _chosen, ...rest } = agent;
  const same = agent.presence === event.presence;
  const view: Agent = { ...rest, presence: event.presence };
  const since = same ? presenceSince : event.at;
  if (since !== undefined) view.presenceSince = since;
  if (event.chosen !== undefined) view.chosenPresence = event.chosen;
  if (event.presence === 'available') view.availableSince = same && availableSince ? availableSince : event.at;
  return view;
}
