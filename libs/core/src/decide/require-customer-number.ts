import type { Interaction } from '@icc/protocol';
import { callbackRefusals } from './callback-refusals';

/** An agent dials only one of the numbers the customer gave for this callback. */
export function requireCustomerNumber(interaction: Pick<Interaction, 'card'>, phoneNumber: string): void {
  if (!interaction.card.phoneNumbers.includes(phoneNumber)) throw callbackRefusals.notCustomerNumber(phoneNumber);
}
