import { decideExpiry, retryKeepsPlace, wrapUpOutcome } from '@icc/core';
import { nextOpening } from '../business-hours/next-opening';
import { isOpen } from '../business-hours/is-open';
import type { Interaction } from '@icc/protocol';
import type { EngineEmitter } from './engine-emitter';
import { markNotRespondingIfDue } from './engine-presence';
import type { EngineTimer } from './engine-state';

/** Runs one due timer. Timers are derived from state, so a stale one finds the state moved on. */
export function handleDueTimer(emitter: EngineEmitter, timer: EngineTimer): void {
  const { state, now } = emitter;
  if (timer.kind === 'open') return; // routing after the tick does the work
  const interaction = state.interactions.get(timer.targetId);
  if (!interaction) return;
  const ids = { interactionId: interaction.id, callbackId: interaction.callbackId };
  switch (timer.kind) {
    case 'start': {
      if (interaction.state !== 'scheduled' || hasExpired(interaction, now)) return;
      const queue = state.queues.get(interaction.queueId);
      if (queue && !isOpen(queue.businessHours, now)) {
        const opensAt = nextOpening(queue.businessHours, now);
        if (opensAt !== undefined) state.timers.schedule(`start:${interaction.id}`, opensAt, timer);
        return;
      }
      const overdue = interaction.windowEnd !== undefined && Date.parse(interaction.windowEnd) <= now;
      emitter.emit({ type: 'interaction.queued', ...ids, cause: 'schedule-start', overdue });
      return;
    }
    case 'offer':
      if (interaction.state !== 'offered' || interaction.agentId === undefined) return;
      emitter.emit({ type: 'interaction.offer-declined', ...ids, agentId: interaction.agentId, cause: 'timeout' });
      markNotRespondingIfDue(emitter, interaction.agentId);
      return;
    case 'auto-dial': {
      if (interaction.state !== 'previewing') return;
      const phoneNumber = interaction.card.phoneNumbers[0] as string;
      emitter.emit({
        type: 'interaction.dialing',
        ...ids,
        attempt: interaction.attempts.length + 1,
        phoneNumber,
        ...(interaction.agentId !== undefined ? { agentId: interaction.agentId } : {}),
        trigger: 'auto-dial',
      });
      return;
    }
    case 'retry':
      if (interaction.state !== 'retry-wait' || hasExpired(interaction, now)) return;
      emitter.emit({
        type: 'interaction.queued',
        ...ids,
        cause: 'retry',
        overdue: false,
        ...(retryKeepsPlace(state.queues.get(interaction.queueId)) ? {} : { waitingSince: new Date(now).toISOString() }),
      });
      return;
    case 'auto-close':
      if (interaction.state !== 'wrap-up') return;
      emitter.emit({
        type: 'interaction.closed',
        ...ids,
        outcome: wrapUpOutcome(interaction),
        by: 'system',
        detail: 'Closed automatically when the wrap-up countdown ended',
      });
      return;
    case 'expire': {
      const expired = decideExpiry(interaction, now);
      if (!expired) return;
      emitter.emit(expired);
      closeTransferSource(emitter, interaction.transferredFrom);
      return;
    }
  }
}

/**
 * A start or a retry due at (or after) the expire time does not queue the callback: its expire
 * timer, due too, closes it in the same tick. Without this, which of two timers due at the same
 * instant fires first would depend on when each was set, and a restart sets them anew.
 */
function hasExpired(interaction: Interaction, now: number): boolean {
  return interaction.expireAt !== undefined && Date.parse(interaction.expireAt) <= now;
}

/** A receiver that expires before anyone accepted it takes its waiting sender with it. */
function closeTransferSource(emitter: EngineEmitter, sourceId: string | undefined): void {
  const source = sourceId === undefined ? undefined : emitter.state.interactions.get(sourceId);
  if (source?.state !== 'transferring') return;
  emitter.emit({
    type: 'interaction.closed',
    interactionId: source.id,
    callbackId: source.callbackId,
    outcome: 'expired',
    by: 'system',
    detail: 'The transferred callback expired before the receiver accepted it',
  });
}
