import type { Interaction, InteractionState } from '@icc/protocol';

/** States in which the expire time still matters (nobody is talking to the customer yet): the engine's rule. */
const EXPIRABLE_STATES: ReadonlySet<InteractionState> = new Set(['scheduled', 'queued', 'retry-wait', 'no-answer']);

/** When `interaction` expires, if its expire time still matters in its state; undefined otherwise. */
export function expiryDueAt(interaction: Interaction): number | undefined {
  if (interaction.expireAt === undefined || interaction.customerOnLine || !EXPIRABLE_STATES.has(interaction.state)) return undefined;
  return Date.parse(interaction.expireAt);
}
