import { CLOSE_DETAIL_MAX_LENGTH, type CallbackReason, type Interaction } from '@icc/protocol';
import { isoAt, type DecidedEvent } from './decided-event';

export interface CloseCallbackCommand {
  reason?: CallbackReason;
  /** The agent's notes, up to 4,000 characters; the event keeps the first 500 as its `detail`. */
  notes?: string;
  now: number;
}

/**
 * The agent closes a callback without (further) calls, e.g. the issue was solved in preview or the
 * customer never answered. After a failed dial it ends as `no-answer`, otherwise as `completed`.
 * Whether the agent may close it now is `allowedControls`' answer (the `close-callback` control).
 */
export function decideCloseCallback(
  interaction: Pick<Interaction, 'id' | 'callbackId' | 'state'>,
  { reason, notes, now }: CloseCallbackCommand,
): DecidedEvent<'interaction.closed'> {
  return {
    type: 'interaction.closed',
    interactionId: interaction.id,
    callbackId: interaction.callbackId,
    at: isoAt(now),
    outcome: interaction.state === 'no-answer' ? 'no-answer' : 'completed',
    by: 'agent',
    ...(reason !== undefined ? { closeReason: reason } : {}),
    ...(notes !== undefined ? { detail: notes.slice(0, CLOSE_DETAIL_MAX_LENGTH) } : {}),
  };
}
