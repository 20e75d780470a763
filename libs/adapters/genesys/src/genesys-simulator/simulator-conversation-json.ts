import type { SimCommunication, SimConversation, SimParticipant } from './simulator-model';

const iso = (at: number | undefined) => (at === undefined ? undefined : new Date(at).toISOString());

function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined));
}

function callJson(call: SimCommunication, participant: SimParticipant): Record<string, unknown> {
  const address = call.address === undefined ? undefined : { addressNormalized: `tel:${call.address}`, addressDisplayable: call.address };
  return withoutUndefined({
    id: call.id,
    state: call.state,
    direction: call.direction,
    recording: call.recording,
    recordingState: call.recording ? 'active' : 'none',
    muted: call.muted,
    confined: false,
    held: call.held,
    startHoldTime: iso(call.startHoldTime),
    connectedTime: iso(call.connectedTime),
    disconnectedTime: iso(call.disconnectedTime),
    disconnectType: call.disconnectType,
    disconnectReasons: call.q850 ? [{ type: 'q850', code: call.q850.code, phrase: call.q850.phrase }] : undefined,
    self: participant.purpose === 'customer' ? address : undefined,
    other: participant.purpose === 'agent' ? address : undefined,
    provider: 'Edge',
  });
}

function callbackJson(callback: SimCommunication): Record<string, unknown> {
  return withoutUndefined({
    id: callback.id,
    state: callback.state,
    direction: callback.direction,
    held: callback.held,
    connectedTime: iso(callback.connectedTime),
    disconnectedTime: iso(callback.disconnectedTime),
    disconnectType: callback.disconnectType,
    callbackNumbers: callback.callbackNumbers,
    callbackUserName: callback.callbackUserName,
    callbackScheduledTime: iso(callback.callbackScheduledTime),
    timeoutSeconds: callback.timeoutSeconds,
    skipEnabled: callback.callbackNumbers ? true : undefined,
    externalCampaign: false,
    provider: 'PureCloud Callback',
  });
}

/** A conversation in the shape of the `…conversations` topics and `GET /api/v2/conversations/{id}`. */
export function conversationJson(conversation: SimConversation): Record<string, unknown> {
  return {
    id: conversation.id,
    participants: conversation.participants.map((participant) =>
      withoutUndefined({
        id: participant.id,
        purpose: participant.purpose,
        userId: participant.userId,
        queueId: participant.queueId,
        name: participant.name,
        address: participant.address,
        connectedTime: iso(participant.connectedTime),
        endTime: iso(participant.endTime),
        alertingTimeoutMs: participant.alertingTimeoutMs,
        wrapupRequired: participant.wrapupRequired,
        wrapupTimeoutMs: participant.wrapupTimeoutMs,
        startAcwTime: iso(participant.startAcwTime),
        endAcwTime: iso(participant.endAcwTime),
        wrapup: participant.wrapup,
        attributes: participant.attributes,
        calls: participant.calls.map((call) => callJson(call, participant)),
        callbacks: participant.callbacks.map(callbackJson),
      }),
    ),
    recordingState: conversation.participants.some((participant) => participant.calls.some((call) => call.recording)) ? 'active' : 'none',
  };
}
