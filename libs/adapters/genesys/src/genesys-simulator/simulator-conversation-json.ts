import type { Models } from 'purecloud-platform-client-v2';
import type { SimCommunication, SimConversation, SimParticipant } from './simulator-model';

/*
 * A simulated conversation in Genesys's two published shapes: `Models.Conversation` for
 * `GET /api/v2/conversations/{id}` (and the responses that return a conversation) and
 * `Models.QueueConversationEventTopicConversation` for the `…conversations` topics. They differ
 * where the models do: `Conversation.startTime` and `participants` are required, and the
 * conversation's `recordingState` is `ACTIVE|PAUSED|NONE` (Conversation.md, RecordingStateEnum),
 * lowercase on the topic and on each call (Call.md, RecordingStateEnum `none|active|paused`).
 */

const iso = (at: number | undefined) => (at === undefined ? undefined : new Date(at).toISOString());

function withoutUndefined<Value extends object>(value: Value): Value {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Value;
}

function callJson(call: SimCommunication, participant: SimParticipant) {
  const address = call.address === undefined ? undefined : { addressNormalized: `tel:${call.address}`, addressDisplayable: call.address };
  return withoutUndefined({
    id: call.id,
    state: call.state,
    initialState: call.initialState,
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
  } satisfies Models.Call & Models.QueueConversationEventTopicCall);
}

function callbackJson(callback: SimCommunication) {
  return withoutUndefined({
    id: callback.id,
    state: callback.state,
    initialState: callback.initialState,
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
  } satisfies Models.Callback & Models.QueueConversationEventTopicCallback);
}

function participantsJson(conversation: SimConversation) {
  return conversation.participants.map((participant) =>
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
    } satisfies Models.Participant & Models.QueueConversationEventTopicParticipant),
  );
}

const recording = (conversation: SimConversation) => conversation.participants.some((participant) => participant.calls.some((call) => call.recording));

/** `GET /api/v2/conversations/{id}`, and the conversation that `POST …/calls/{id}` and `PATCH …/callbacks/{id}` return. */
export function conversationJson(conversation: SimConversation): Models.Conversation {
  return {
    id: conversation.id,
    startTime: new Date(conversation.startTime).toISOString(),
    participants: participantsJson(conversation),
    recordingState: recording(conversation) ? 'ACTIVE' : 'NONE',
    selfUri: `/api/v2/conversations/${conversation.id}`,
  } satisfies Models.Conversation;
}

/** The `eventBody` of `v2.routing.queues.{id}.conversations` and `v2.users.{id}.conversations`. */
export function conversationTopicBody(conversation: SimConversation): Models.QueueConversationEventTopicConversation {
  return {
    id: conversation.id,
    participants: participantsJson(conversation),
    recordingState: recording(conversation) ? 'active' : 'none',
  } satisfies Models.QueueConversationEventTopicConversation;
}
