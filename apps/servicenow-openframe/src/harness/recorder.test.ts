import { createRecorder } from './recorder';

const CALLBACK = {
  nowRecordTable: 'interaction',
  nowRecordId: 'ix-1',
  externalId: 'ix-1',
  type: 'callback',
  currentParticipant: { id: 'sn-user-ada' },
  participants: [],
  callbackContext: { callAttemptedByAgent: false, dialInEndTime: 'Mon, 05 Dec 2024 09:25:08 GMT' },
};

describe('createRecorder', () => {
  it('keeps a documented context as the latest of its type', () => {
    const recorder = createRecorder();
    recorder.record({ method: 'setICContext', args: ['activeCall', { activeCall: [CALLBACK] }] });
    expect(recorder.violations).toEqual([]);
    expect(recorder.latest.activeCall?.activeCall[0]?.externalId).toBe('ix-1');
  });

  it.each([
    ['an undocumented field', { activeCall: [{ ...CALLBACK, priority: 1 }] }, /Unrecognized key/],
    ['a missing required field', { activeCall: [{ ...CALLBACK, nowRecordId: undefined }] }, /nowRecordId/],
    ['type callback without callbackContext', { activeCall: [{ ...CALLBACK, callbackContext: undefined }] }, /callbackContext/],
    ['an ISO time where RSS is documented', { activeCall: [{ ...CALLBACK, callbackContext: { dialInEndTime: '2024-12-05T09:25:08Z' } }] }, /RSS/],
    ['closeInEndTime before any attempt', { activeCall: [{ ...CALLBACK, callbackContext: { callAttemptedByAgent: false, closeInEndTime: 'Mon, 05 Dec 2024 09:25:08 GMT' } }] }, /closeInEndTime/],
  ])('records a violation for %s', (_what, context, message) => {
    const recorder = createRecorder();
    recorder.record({ method: 'setICContext', args: ['activeCall', context] });
    expect(recorder.violations).toEqual([expect.stringMatching(message)]);
    expect(recorder.latest.activeCall).toBeUndefined();
  });

  it('refuses a context type the page does not document', () => {
    const recorder = createRecorder();
    recorder.record({ method: 'setICContext', args: ['agentSettings', {}] });
    expect(recorder.violations).toHaveLength(1);
  });
});
