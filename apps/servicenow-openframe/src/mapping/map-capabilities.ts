import type { AgentCommandType } from '@icc/protocol';
import type { CurrentParticipantCapabilities } from '../contract/active-call-context';

/**
 * ServiceNow's capability flags for the current agent, read off the commands core's `allowedControls`
 * allows (the one rule table; this only renames). Toggles are one flag: `hold` covers hold and resume,
 * `mute` mute and unmute. ICC has no paused recording, so pause/resume recording stay false.
 */
export function mapCapabilities(
  allowed: ReadonlySet<AgentCommandType>,
  callbackTransferFailed: boolean,
): CurrentParticipantCapabilities {
  const any = (...commands: AgentCommandType[]) => commands.some((command) => allowed.has(command));
  return {
    callbackTransferStatus: callbackTransferFailed ? 'Failed' : '',
    cancelCallbackTransferEligible: any('cancel-transfer'),
    closeCallback: any('close-callback'),
    dtmf: any('send-dtmf'),
    endCall: any('end-call'),
    flag: any('escalate'),
    hold: any('hold', 'resume'),
    initiateCall: any('dial', 'redial'),
    leaveAndTransfer: any('leave-and-transfer'),
    mergeCall: any('merge-calls'),
    mute: any('mute', 'unmute'),
    pauseRecording: false,
    resumeRecording: false,
    startRecording: any('record-start'),
    stopRecording: any('record-stop'),
    transfer: any('transfer-callback', 'transfer-call', 'consult-call'),
  };
}
