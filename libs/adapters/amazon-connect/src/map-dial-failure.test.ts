import { mapDialFailure } from './map-dial-failure';

describe('mapDialFailure', () => {
  it.each([
    ['AMD_UNANSWERED', undefined, 'no-answer'],
    ['SIT_TONE_BUSY', 'OUTBOUND_ATTEMPT_FAILED', 'busy'],
    ['VOICEMAIL_BEEP', undefined, 'voicemail'],
    ['SIT_TONE_INVALID_NUMBER', undefined, 'failed'],
    [undefined, 'AGENT_DISCONNECT', 'no-answer'],
    [undefined, 'OUTBOUND_DESTINATION_ENDPOINT_ERROR', 'failed'],
    [undefined, undefined, 'failed'],
  ] as const)('detection status %s with reason %s is %s', (status, reason, failure) => {
    expect(mapDialFailure(status, reason)).toBe(failure);
  });
});
