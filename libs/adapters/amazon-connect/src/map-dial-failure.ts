import type { DialFailure } from '@icc/protocol';

const BY_DETECTION_STATUS: Record<string, DialFailure> = {
  AMD_UNANSWERED: 'no-answer',
  AMD_NOT_APPLICABLE: 'no-answer',
  SIT_TONE_BUSY: 'busy',
  SIT_TONE_INVALID_NUMBER: 'failed',
  SIT_TONE_DETECTED: 'failed',
  FAX_MACHINE_DETECTED: 'failed',
  VOICEMAIL_BEEP: 'voicemail',
  VOICEMAIL_NO_BEEP: 'voicemail',
};

/**
 * Why a dial did not connect, from a disconnected contact's `answeringMachineDetectionStatus`
 * (the most precise signal) or else its disconnect reason. The agent hanging up while it rang
 * counts as no answer, as in the ICC engine.
 */
export function mapDialFailure(detectionStatus: string | undefined, disconnectReason: string | undefined): DialFailure {
  const byStatus = detectionStatus === undefined ? undefined : BY_DETECTION_STATUS[detectionStatus];
  if (byStatus) return byStatus;
  switch (disconnectReason) {
    case 'AGENT_DISCONNECT':
    case 'CUSTOMER_DISCONNECT':
    case 'EXPIRED':
      return 'no-answer';
    default:
      return 'failed';
  }
}
