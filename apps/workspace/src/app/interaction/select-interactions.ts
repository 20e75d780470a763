import type { Interaction, InteractionState } from '@icc/protocol';

/** Offers alerting for this agent, oldest first. */
export function selectOffers(interactions: readonly Interaction[], agentId: string): Interaction[] {
  return interactions
    .filter((interaction) => interaction.state === 'offered' && interaction.agentId === agentId)
    .sort((a, b) => (a.offeredAt ?? a.requestedAt).localeCompare(b.offeredAt ?? b.requestedAt));
}

/** States in which an interaction is in this agent's hands, most urgent first. */
const ACTIVE_PRIORITY: readonly InteractionState[] = [
  'connected',
  'on-hold',
  'dialing',
  'wrap-up',
  'no-answer',
  'previewing',
  'transferring',
];

/** The agent's accepted, not yet closed interactions, most urgent first. */
export function selectActiveInteractions(interactions: readonly Interaction[], agentId: string): Interaction[] {
  return interactions
    .filter((interaction) => interaction.agentId === agentId && ACTIVE_PRIORITY.includes(interaction.state))
    .sort(
      (a, b) =>
        ACTIVE_PRIORITY.indexOf(a.state) - ACTIVE_PRIORITY.indexOf(b.state) ||
        (b.acceptedAt ?? '').localeCompare(a.acceptedAt ?? ''),
    );
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
