import type { Interaction } from '@icc/protocol';

export interface CloseConsequence {
  /** What the close records and what happens to the customer, in the agent's words. */
  summary: string;
  /** Numbers not dialed yet and attempts still allowed: what the agent gives up by closing. */
  untriedNumbers: string[];
  attemptsLeft: number;
  /** Closing now ends the callback although more could be tried: the agent must confirm. */
  needsConfirmation: boolean;
}

/** Mirrors how the close is recorded: no attempt → cancelled; a last unanswered attempt → not answered. */
export function closeConsequence(interaction: Interaction): CloseConsequence {
  const made = interaction.attempts.length;
  const dialed = new Set(interaction.attempts.map((attempt) => attempt.phoneNumber));
  const untriedNumbers = interaction.card.phoneNumbers.filter((number) => !dialed.has(number));
  const attemptsLeft = Math.max(0, interaction.maxAttempts - made);
  if (made === 0) {
    return {
      summary: 'Nobody has been called yet. The customer will not be called back; the callback is recorded as cancelled.',
      untriedNumbers,
      attemptsLeft,
      needsConfirmation: false,
    };
  }
  return {
    summary:
      `${made} of ${interaction.maxAttempts} attempts made, the customer was not reached. ` +
      'The customer will not be called again; the callback is recorded as not answered.',
    untriedNumbers,
    attemptsLeft,
    needsConfirmation: attemptsLeft > 0,
  };
}
