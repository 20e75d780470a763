import type { Interaction } from '@icc/protocol';
import { useCallback, useSyncExternalStore } from 'react';

// One choice per interaction, shared by every control that dials (page and Global Voice Control).
const chosen = new Map<string, string>();
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function chooseCallbackNumber(interactionId: string, phoneNumber: string): void {
  chosen.set(interactionId, phoneNumber);
  for (const listener of listeners) listener();
}

/** The last dialed number while it is still one of the customer's, else the first. */
function defaultNumber(interaction: Interaction): string | undefined {
  const lastDialed = interaction.attempts[interaction.attempts.length - 1]?.phoneNumber;
  const numbers = interaction.card.phoneNumbers;
  return lastDialed !== undefined && numbers.includes(lastDialed) ? lastDialed : numbers[0];
}

/** The number Call number / Retry call will dial: the agent's pick if still valid, else the default. */
export function selectedCallbackNumber(interaction: Interaction): string | undefined {
  const pick = chosen.get(interaction.id);
  return pick !== undefined && interaction.card.phoneNumbers.includes(pick) ? pick : defaultNumber(interaction);
}

export function useCallbackNumber(interaction: Interaction): [string | undefined, (phoneNumber: string) => void] {
  const pick = useSyncExternalStore(subscribe, () => chosen.get(interaction.id));
  const numbers = interaction.card.phoneNumbers;
  const selected = pick !== undefined && numbers.includes(pick) ? pick : defaultNumber(interaction);
  const choose = useCallback((phoneNumber: string) => chooseCallbackNumber(interaction.id, phoneNumber), [interaction.id]);
  return [selected, choose];
}

/** Forgets every choice (tests; a new session starts with none either). */
export function resetCallbackNumberChoices(): void {
  chosen.clear();
}

/** `callbackNumberStatus`, re-rendered when the choice changes anywhere. */
export function useCallbackNumberStatus(interaction: Interaction): string {
  useSyncExternalStore(subscribe, () => chosen.get(interaction.id));
  return callbackNumberStatus(interaction);
}

/** What the bar says about the number: the one that will be, is being or was last called. */
export function callbackNumberStatus(interaction: Interaction): string {
  const lastDialed = interaction.attempts[interaction.attempts.length - 1]?.phoneNumber;
  switch (interaction.state) {
    case 'previewing':
    case 'no-answer': {
      const next = selectedCallbackNumber(interaction);
      return next === undefined ? interaction.card.callbackNumber : `Will call ${next}`;
    }
    case 'dialing':
      return lastDialed === undefined ? interaction.card.callbackNumber : `Calling ${lastDialed}`;
    case 'connected':
    case 'on-hold':
      return lastDialed === undefined ? interaction.card.callbackNumber : `Connected to ${lastDialed}`;
    default:
      return lastDialed ?? interaction.card.callbackNumber;
  }
}
