import type { Callback, Interaction } from '@icc/protocol';
import type { EngineEmitter } from './engine-emitter';
import { syncInteraction } from './engine-state';
import { autoClose, handleTelephonyOutcome } from './engine-telephony';

/**
 * Loads persisted open interactions after a restart. Timers come back from the views (offer
 * expiry, auto-dial, retry, auto-close, start, expire) with their remaining time. Calls that
 * were live in the previous process are gone with it and are reconciled by events.
 */
export function restoreEngine(
  emitter: EngineEmitter,
  openInteractions: readonly Interaction[],
  getCallback: (id: string) => Callback | undefined,
): void {
  const { state, now } = emitter;
  for (const interaction of openInteractions) {
    const callback = getCallback(interaction.callbackId);
    if (callback) state.callbacks.set(callback.id, callback);
    state.interactions.set(interaction.id, interaction);
  }
  for (const interaction of openInteractions) {
    const target = interaction.transfer?.target;
    if (interaction.state === 'transferring' && target?.kind === 'agent' && interaction.transfer) {
      state.directedTo.set(interaction.transfer.toInteractionId, target.agentId);
    }
  }
  for (const interaction of openInteractions) syncInteraction(state, interaction, now);
  for (const interaction of openInteractions) reconcileLostCall(emitter, interaction.id);
}

function reconcileLostCall(emitter: EngineEmitter, interactionId: string): void {
  const interaction = emitter.state.interactions.get(interactionId);
  if (!interaction) return;
  const ids = { interactionId, callbackId: interaction.callbackId };
  switch (interaction.state) {
    case 'dialing':
      handleTelephonyOutcome(emitter, interactionId, 'failed');
      return;
    case 'connected':
    case 'on-hold':
      emitter.emit({ type: 'interaction.call-ended', ...ids, by: 'system', ...autoClose(emitter, interaction) });
      return;
    case 'offered':
    case 'queued':
      if (!interaction.customerOnLine) return;
      if (interaction.state === 'offered' && interaction.agentId !== undefined) {
        emitter.emit({ type: 'interaction.offer-declined', ...ids, agentId: interaction.agentId, cause: 'agent-unavailable' });
      }
      // The answered customer was dropped with the process: call them again straight away.
      emitter.emit({ type: 'interaction.rescheduled', ...ids, scheduledAt: new Date(emitter.now).toISOString(), by: 'system' });
      return;
    default:
      return;
  }
}
