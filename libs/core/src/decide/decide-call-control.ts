import type { AgentCommandOf, Interaction } from '@icc/protocol';
import { wrapUpOutcome } from './decide-call-transfer';
import { isoAt, type DecidedEvent } from './decided-event';

/** Agent commands whose only record is one event once carried out (by the engine, or by the vendor's answer). */
export type RecordedCallControl = AgentCommandOf<'mute' | 'unmute' | 'record-start' | 'record-stop' | 'send-dtmf' | 'submit-wrap-up'>;

/**
 * The event that records a carried-out call control: mute state, recording state, the DTMF digits
 * sent, or the wrap-up that closes the interaction (`transferred` after a transfer to an outside
 * number, otherwise `completed`). Whether the agent may do it now is `allowedControls`' answer.
 */
export function decideCallControl(
  interaction: Pick<Interaction, 'id' | 'callbackId' | 'transferredToNumber'>,
  command: RecordedCallControl,
  now: number,
): DecidedEvent<'interaction.muted' | 'interaction.recording' | 'interaction.dtmf-sent' | 'interaction.closed'> {
  const base = { interactionId: interaction.id, callbackId: interaction.callbackId, at: isoAt(now) };
  switch (command.type) {
    case 'mute':
    case 'unmute':
      return { type: 'interaction.muted', ...base, muted: command.type === 'mute' };
    case 'record-start':
    case 'record-stop':
      return { type: 'interaction.recording', ...base, recording: command.type === 'record-start' };
    case 'send-dtmf':
      return { type: 'interaction.dtmf-sent', ...base, digits: command.digits };
    case 'submit-wrap-up':
      return { type: 'interaction.closed', ...base, outcome: wrapUpOutcome(interaction), by: 'agent', wrapUp: command.wrapUp };
  }
}
