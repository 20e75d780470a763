import { allowedControls } from '@icc/core';
import { exampleAgent, exampleCapabilities, exampleInteraction, type AdapterCapabilities, type Interaction } from '@icc/protocol';
import { ActiveCall } from '../contract/active-call-context';
import { mapInteractionToActiveCall } from './map-interaction-to-active-call';

const AGENT = { sysUserId: 'sn-user-ada', displayName: 'Ada Lovelace' };
const AUTO_DIAL = { dialMethod: { type: 'auto' as const, countdownSeconds: 10 } };
const ATTEMPT = { attempt: 1, phoneNumber: '+14155550198', startedAt: '2026-03-10T14:07:02Z' };

function activeCall(interaction: Interaction, capabilities: AdapterCapabilities = exampleCapabilities(), transferFailed = false) {
  const call = mapInteractionToActiveCall({
    interaction,
    allowed: allowedControls(interaction, AUTO_DIAL, capabilities),
    agent: AGENT,
    agents: { 'agent-grace': exampleAgent({ id: 'agent-grace', displayName: 'Grace Hopper' }) },
    callbackTransferFailed: transferFailed,
  });
  // Every entry the bridge builds must pass the documented contract.
  expect(ActiveCall.safeParse(call).error).toBeUndefined();
  return call;
}

describe('mapInteractionToActiveCall', () => {
  it('previews an agent-first callback as type callback with the auto-dial countdown end as dialInEndTime', () => {
    const call = activeCall(exampleInteraction({ state: 'previewing', agentId: 'agent-ada', autoDialAt: '2026-03-10T14:06:22Z' }));
    expect(call).toMatchObject({
      nowRecordTable: 'interaction',
      nowRecordId: 'ix-0001',
      externalId: 'ix-0001',
      type: 'callback',
      direction: 'outbound',
      participants: [],
      callbackContext: {
        callAttemptedByAgent: false,
        customerName: 'Maya Lindqvist',
        callbackNumbers: ['+14155552671', '+14155550198'],
        dialInEndTime: 'Tue, 10 Mar 2026 14:06:22 GMT',
      },
      currentParticipant: { id: 'sn-user-ada', name: 'Ada Lovelace', actor: 'agent', state: 'Previewing' },
    });
    expect(call.callbackContext).not.toHaveProperty('closeInEndTime');
    expect(call.currentParticipant.capabilities).toMatchObject({
      initiateCall: true,
      closeCallback: true,
      transfer: true,
      cancelCallbackTransferEligible: false,
      callbackTransferStatus: '',
      hold: false,
      endCall: false,
    });
  });

  it('after an unanswered attempt: callAttemptedByAgent, closeInEndTime from the auto-close countdown, Retry call enabled', () => {
    const call = activeCall(
      exampleInteraction({
        state: 'no-answer',
        agentId: 'agent-ada',
        attempts: [{ ...ATTEMPT, outcome: 'no-answer', endedAt: '2026-03-10T14:07:32Z' }],
        firstDialedAt: ATTEMPT.startedAt,
        autoDialAt: '2026-03-10T14:06:22Z',
        autoCloseAt: '2026-03-10T14:08:02Z',
      }),
    );
    expect(call.callbackContext).toEqual({
      callAttemptedByAgent: true,
      callbackNumbers: ['+14155552671', '+14155550198'],
      customerName: 'Maya Lindqvist',
      closeInEndTime: 'Tue, 10 Mar 2026 14:08:02 GMT',
    });
    expect(call.participants).toEqual([
      expect.objectContaining({ actor: 'customer', address: ATTEMPT.phoneNumber, state: 'No answer', connectedTime: 'Tue, 10 Mar 2026 14:07:02 GMT' }),
    ]);
    expect(call.currentParticipant.capabilities).toMatchObject({ initiateCall: true, closeCallback: true, transfer: false });
  });

  it('shows a live call on hold, muted and recorded, and asks for wrap-up at its end', () => {
    const call = activeCall(
      exampleInteraction({
        state: 'on-hold',
        agentId: 'agent-ada',
        attempts: [{ ...ATTEMPT, outcome: 'answered' }],
        firstDialedAt: ATTEMPT.startedAt,
        connectedAt: '2026-03-10T14:07:15Z',
        call: { muted: true, recording: true, escalated: true, conference: false },
      }),
    );
    expect(call.currentParticipant).toMatchObject({
      held: true,
      muted: true,
      flagged: true,
      recording: 'in_progress',
      connectedTime: 'Tue, 10 Mar 2026 14:07:15 GMT',
      callStartTime: 'Tue, 10 Mar 2026 14:07:02 GMT',
      capabilities: { hold: true, mute: true, endCall: true, stopRecording: true, startRecording: false, dtmf: false, flag: true, initiateCall: false },
    });
    expect(call.participants[0]).toMatchObject({ held: true, state: 'On hold', requireWrapup: true });
  });

  it('reads capabilities from allowedControls: a vendor without hold or recording turns those buttons off', () => {
    const call = activeCall(
      exampleInteraction({ state: 'connected', agentId: 'agent-ada', attempts: [{ ...ATTEMPT, outcome: 'answered' }], connectedAt: '2026-03-10T14:07:15Z' }),
      exampleCapabilities({ hold: false, record: false }),
    );
    expect(call.currentParticipant.capabilities).toMatchObject({ hold: false, startRecording: false, mute: true, endCall: true });
  });

  it('shows a customer-first callback like any voice call: type call, inbound, no callbackContext', () => {
    const call = activeCall(
      exampleInteraction({
        mode: 'customer-first',
        state: 'connected',
        agentId: 'agent-ada',
        customerOnLine: true,
        attempts: [{ ...ATTEMPT, outcome: 'answered' }],
        connectedAt: '2026-03-10T14:07:15Z',
      }),
    );
    expect(call).toMatchObject({ type: 'call', direction: 'inbound' });
    expect(call).not.toHaveProperty('callbackContext');
  });

  it('reports a refused callback transfer as callbackTransferStatus Failed', () => {
    const call = activeCall(exampleInteraction({ state: 'previewing', agentId: 'agent-ada' }), exampleCapabilities(), true);
    expect(call.currentParticipant.capabilities?.callbackTransferStatus).toBe('Failed');
  });

  it('offers Cancel callback transfer while a transfer waits', () => {
    const call = activeCall(exampleInteraction({ state: 'transferring', agentId: 'agent-ada' }));
    expect(call.currentParticipant.capabilities).toMatchObject({ cancelCallbackTransferEligible: true, initiateCall: false, transfer: false });
  });

  it('lists a consulted agent as a participant, with merge and leave-and-transfer enabled', () => {
    const call = activeCall(
      exampleInteraction({
        state: 'connected',
        agentId: 'agent-ada',
        attempts: [{ ...ATTEMPT, outcome: 'answered' }],
        connectedAt: '2026-03-10T14:07:15Z',
        call: { muted: false, recording: false, escalated: false, conference: false, consultAgentId: 'agent-grace' },
      }),
    );
    expect(call.participants[1]).toMatchObject({ id: 'agent-grace', actor: 'agent', name: 'Grace Hopper', state: 'Consulting' });
    expect(call.currentParticipant.capabilities).toMatchObject({ mergeCall: true, leaveAndTransfer: true, transfer: false });
  });
});
