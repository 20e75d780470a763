import type { Interaction } from '@icc/protocol';
import { callbackRefusals } from './callback-refusals';

/** An agent dials only one of the numbers the customer gave for this callback. */
export function requireCustomerNumber(interaction: Pick<Interaction, 'card'>, phoneNumber: string): void {
  if (!interaction.card.phoneNumbers.includes(phoneNumber)) throw callbackRefusals.notCustomerNumber(phoneNumber);
}

/** The number an agent's call goes to: the one they chose, else the last attempt's, else the customer's first; only the customer's. */
export function numberToCall(interaction: Pick<Interaction, 'card' | 'attempts'>, chosen?: string): string {
  const phoneNumber = chosen ?? interaction.attempts.at(-1)?.phoneNumber ?? (interaction.card.phoneNumbers[0] as string);
  requireCustomerNumber(interaction, phoneNumber);
  return phoneNumber;
}
