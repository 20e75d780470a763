import type { Interaction } from '@icc/protocol';
import { IccError } from '../errors';
import { callbackRefusals } from './callback-refusals';
import { isoAt, type DecidedEvent } from './decided-event';

/** However often the agent extends, wrap-up closes itself at most this long from now. */
export const MAX_WRAP_UP_AHEAD_SECONDS = 30 * 60;

export interface ExtendWrapUpCommand {
  agentId: string;
  seconds: number;
  now: number;
}

/**
 * More after-call work: the automatic close moves `seconds` later (counted from now when it is
 * already due). Only in wrap-up with a deadline (auto-dial queues); never past 30 minutes from now.
 */
export function decideExtendWrapUp(
  interaction: Pick<Interaction, 'id' | 'callbackId' | 'state' | 'mode' | 'autoCloseAt'>,
  { agentId, seconds, now }: ExtendWrapUpCommand,
): DecidedEvent<'interaction.wrap-up-extended'> {
  if (interaction.state !== 'wrap-up' || interaction.autoCloseAt === undefined) {
    throw callbackRefusals.notAllowedNow(interaction.state, 'extend-wrap-up', interaction.mode);
  }
  const autoCloseAt = Math.max(Date.parse(interaction.autoCloseAt), now) + seconds * 1000;
  if (autoCloseAt > now + MAX_WRAP_UP_AHEAD_SECONDS * 1000) {
    throw new IccError('validation_failed', `After-call work may run at most ${MAX_WRAP_UP_AHEAD_SECONDS / 60} minutes ahead`, [
      { path: ['seconds'], message: 'Extends wrap-up past 30 minutes from now', code: 'custom' },
    ]);
  }
  return {
    type: 'interaction.wrap-up-extended',
    interactionId: interaction.id,
    callbackId: interaction.callbackId,
    at: isoAt(now),
    agentId,
    autoCloseAt: isoAt(autoCloseAt),
    extendedBySeconds: seconds,
  };
}
