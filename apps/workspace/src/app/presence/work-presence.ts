import { INTERACTION_STATE_TRAITS, type Agent, type Interaction } from '@icc/protocol';
import { selectActiveInteractions, stateStartedAt } from '../interaction/select-interactions';
import { PRESENCE_LABELS } from './presence-labels';

/** What an agent is doing as everybody should see it: the work overrides the chosen presence. */
export interface WorkPresence {
  /** `presence__dot--<tone>` */
  tone: Agent['presence'] | 'not-responding';
  label: string;
  /** Start of the time in state, when known. */
  since: string | undefined;
}


/**
 * Busy while one of the agent's interactions has a call up, After-call work during wrap-up, else
 * the presence the agent chose (with `availableSince` as its start when Available).
 */
export function workPresence(agent: Agent, interactions: readonly Interaction[]): WorkPresence {
  const active = selectActiveInteractions(interactions, agent.id);
  const onCall = active.find(
    (interaction) => INTERACTION_STATE_TRAITS[interaction.state].liveCall || interaction.state === 'dialing',
  );
  if (onCall) return { tone: 'busy', label: 'Busy', since: firstDialOfThisCall(onCall) };
  const wrapUp = active.find((interaction) => interaction.state === 'wrap-up');
  if (wrapUp) return { tone: 'wrap-up', label: 'After-call work', since: wrapUp.endedAt };
  if (agent.presence === 'busy') return { tone: 'busy', label: 'Busy', since: undefined };
  if (agent.presence === 'wrap-up') return { tone: 'wrap-up', label: 'After-call work', since: undefined };
  return {
    tone: agent.presence,
    label: PRESENCE_LABELS[agent.presence],
    since: agent.presence === 'available' ? agent.availableSince : undefined,
  };
}

function firstDialOfThisCall(interaction: Interaction): string | undefined {
  const lastAttempt = interaction.attempts[interaction.attempts.length - 1];
  return lastAttempt?.startedAt ?? stateStartedAt(interaction);
}
