import { INTERACTION_STATE_TRAITS, type Interaction, type InteractionState } from '@icc/protocol';

/** Offers alerting for this agent, oldest first. */
export function selectOffers(interactions: readonly Interaction[], agentId: string): Interaction[] {
  return interactions
    .filter((interaction) => interaction.state === 'offered' && interaction.agentId === agentId)
    .sort((a, b) => (a.offeredAt ?? a.requestedAt).localeCompare(b.offeredAt ?? b.requestedAt));
}

/**
 * Urgency of the states the `acceptedByAgent` trait puts in the agent's hands (lower first). A
 * new state the trait adds must get a rank here, or the compiler says so.
 */
const URGENCY: Record<InteractionState, number | undefined> = {
  connected: 0,
  'on-hold': 1,
  dialing: 2,
  'wrap-up': 3,
  'no-answer': 4,
  previewing: 5,
  transferring: 6,
  scheduled: undefined,
  queued: undefined,
  offered: undefined,
  'retry-wait': undefined,
  closed: undefined,
};

const urgencyOf = (state: InteractionState) => URGENCY[state] ?? Number.MAX_SAFE_INTEGER;

/** The agent's accepted, not yet closed interactions, most urgent first. */
export function selectActiveInteractions(interactions: readonly Interaction[], agentId: string): Interaction[] {
  return interactions
    .filter((interaction) => interaction.agentId === agentId && INTERACTION_STATE_TRAITS[interaction.state].acceptedByAgent)
    .sort((a, b) => urgencyOf(a.state) - urgencyOf(b.state) || (b.acceptedAt ?? '').localeCompare(a.acceptedAt ?? ''));
}

/** When the timer of the Global Voice Control starts for the interaction's current state. */
export function stateStartedAt(interaction: Interaction): string | undefined {
  const lastAttempt = interaction.attempts[interaction.attempts.length - 1];
  switch (interaction.state) {
    case 'connected':
    case 'on-hold':
      return interaction.connectedAt ?? lastAttempt?.startedAt;
    case 'dialing':
      return lastAttempt?.startedAt;
    case 'no-answer':
      return lastAttempt?.endedAt ?? lastAttempt?.startedAt;
    case 'wrap-up':
      return interaction.endedAt;
    case 'previewing':
    case 'transferring':
      return interaction.transfer?.requestedAt ?? interaction.acceptedAt;
    default:
      return undefined;
  }
}
