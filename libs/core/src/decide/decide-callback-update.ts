import type { Interaction, UpdateCallbackRequest } from '@icc/protocol';
import { nextState } from '../state-machine/interaction-transitions';
import { callbackRefusals } from './callback-refusals';
import { isoAt, type DecidedEvent } from './decided-event';

/** Changing a callback's details, allowed in every state the state machine lets `callback.updated` stay in. */
export function decideCallbackUpdate(
  interaction: Pick<Interaction, 'id' | 'callbackId' | 'state' | 'mode'>,
  { changes, now }: { changes: UpdateCallbackRequest; now: number },
): DecidedEvent<'callback.updated'> {
  if (nextState(interaction.mode, interaction.state, 'callback.updated') === undefined) {
    throw callbackRefusals.notAllowedNow(interaction.state, 'callback.updated', interaction.mode);
  }
  return { type: 'callback.updated', interactionId: interaction.id, callbackId: interaction.callbackId, at: isoAt(now), changes };
}
