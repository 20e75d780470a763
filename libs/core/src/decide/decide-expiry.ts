import { INTERACTION_STATE_TRAITS, type Interaction } from '@icc/protocol';
import { isoAt, type DecidedEvent } from './decided-event';

export const EXPIRED_DETAIL = 'Expire time passed before the customer was reached';

/** True when the callback's expire time applies in its current state (the `expirable` trait). */
export function isExpiryArmed(interaction: Pick<Interaction, 'state' | 'expireAt' | 'customerOnLine'>): boolean {
  return interaction.expireAt !== undefined && INTERACTION_STATE_TRAITS[interaction.state].expirable && !interaction.customerOnLine;
}

/**
 * At its expire time a callback is never attempted again: when the time has come and the
 * interaction is in an expirable state (and no customer waits on the line), it closes as `expired`.
 * Otherwise nothing happens now; the expiry applies again once the interaction is expirable.
 */
export function decideExpiry(
  interaction: Pick<Interaction, 'id' | 'callbackId' | 'state' | 'expireAt' | 'customerOnLine'>,
  now: number,
): DecidedEvent<'interaction.closed'> | undefined {
  if (!isExpiryArmed(interaction) || Date.parse(interaction.expireAt as string) > now) return undefined;
  return {
    type: 'interaction.closed',
    interactionId: interaction.id,
    callbackId: interaction.callbackId,
    at: isoAt(now),
    outcome: 'expired',
    by: 'system',
    detail: EXPIRED_DETAIL,
  };
}
