import { INTERACTION_STATE_TRAITS, type Interaction } from '@icc/protocol';
import type { CallbackActor } from '../ports/ccaas-adapter';
import { nextState } from '../state-machine/interaction-transitions';
import { callbackRefusals } from './callback-refusals';
import { isoAt, type DecidedEvent } from './decided-event';

type CancellableInteraction = Pick<Interaction, 'id' | 'callbackId' | 'state' | 'mode'>;

/** Refuses to cancel unless nobody is talking to the customer yet (the `cancellable` trait). */
export function assertMayCancel(interaction: Pick<Interaction, 'state' | 'mode'>): void {
  const { state, mode } = interaction;
  if (!INTERACTION_STATE_TRAITS[state].cancellable || nextState(mode, state, 'interaction.closed') === undefined) {
    throw callbackRefusals.notAllowedNow(state, 'cancel', mode);
  }
}

export interface CancelCommand {
  actor: CallbackActor;
  reason?: string;
  now: number;
}

/** Cancelling a callback closes its interaction as `cancelled`, by whoever asked. */
export function decideCancel(interaction: CancellableInteraction, { actor, reason, now }: CancelCommand): DecidedEvent<'interaction.closed'> {
  assertMayCancel(interaction);
  return {
    type: 'interaction.closed',
    interactionId: interaction.id,
    callbackId: interaction.callbackId,
    at: isoAt(now),
    outcome: 'cancelled',
    by: actor,
    detail: reason ?? 'Cancelled',
  };
}
