import { withoutUndefined } from '@icc/adapter-kit';
import type { GenesysCallbackProgress, GenesysDialAttempt, GenesysOffer } from './genesys-callback-progress';
import type { GenesysCallCommunication, GenesysConversation, GenesysParticipant } from './genesys-schemas';
import { mapGenesysCallEndedBy, mapGenesysDialOutcome, mapGenesysOfferOutcome, mapGenesysParticipantState } from './genesys-map-communication';

function phoneNumberOf(call: GenesysCallCommunication, participant: GenesysParticipant): string {
  const address = call.self?.addressNormalized ?? call.other?.addressNormalized ?? participant.address ?? '';
  return address.replace(/^tel:/, '');
}

function offerOf(participant: GenesysParticipant): GenesysOffer | undefined {
  const callback = participant.callbacks?.[0];
  const call = participant.calls?.[0];
  const offered = callback ?? call;
  if (!offered || participant.userId === undefined) return undefined;
  return {
    participantId: participant.id,
    userId: participant.userId,
    outcome: mapGenesysOfferOutcome(offered),
    media: callback ? 'callback' : 'call',
    communicationId: offered.id,
    active: [...(participant.callbacks ?? []), ...(participant.calls ?? [])].some((communication) => mapGenesysParticipantState(communication.state) !== 'ended'),
    ...withoutUndefined({
      alertingTimeoutMs: participant.alertingTimeoutMs,
      acceptedAt: offered.connectedTime,
      autoDialAfterSeconds: callback?.timeoutSeconds !== undefined && callback.timeoutSeconds > 0 ? callback.timeoutSeconds : undefined,
    }),
  };
}

function attemptOf(call: GenesysCallCommunication, customer: GenesysParticipant): GenesysDialAttempt {
  const outcome = mapGenesysDialOutcome(call);
  const endedBy = outcome === 'answered' && mapGenesysParticipantState(call.state) === 'ended' ? mapGenesysCallEndedBy(call.disconnectType) : undefined;
  return { communicationId: call.id, phoneNumber: phoneNumberOf(call, customer), outcome, ...withoutUndefined({ endedAt: call.disconnectedTime, endedBy }) };
}

/**
 * Reads one callback conversation snapshot: the customer participant (the one with the callback
 * communication) gives the schedule and the calls placed to the customer; each `agent`
 * participant is one offer; the agent who took it (ICC's agent, `handlerUserId`, when several did)
 * gives the call flags, after-call work and wrap-up.
 */
export function mapGenesysConversation(conversation: GenesysConversation, handlerUserId?: string): GenesysCallbackProgress {
  const customer = conversation.participants.find((participant) => participant.purpose === 'customer' && (participant.callbacks?.length ?? 0) > 0);
  const current = customer?.callbacks?.at(-1);
  const phase = current ? mapGenesysParticipantState(current.state) : 'ended';
  const queued = conversation.participants.findLast(
    (participant) => participant.purpose === 'acd' && (participant.callbacks ?? []).some((callback) => mapGenesysParticipantState(callback.state) !== 'ended'),
  );
  const agents = conversation.participants.filter((participant) => participant.purpose === 'agent');
  const offers = agents.map(offerOf).filter((offer) => offer !== undefined);
  const attempts = conversation.participants.filter((participant) => participant.purpose === 'customer').flatMap((participant) => (participant.calls ?? []).map((call) => attemptOf(call, participant)));
  const accepted = agents.filter((participant) => offerOf(participant)?.outcome === 'accepted');
  // A consulted agent also answers the call: the handler is ICC's agent while it is on the conversation.
  const handler = accepted.findLast((participant) => participant.userId === handlerUserId && participant.endTime === undefined) ?? accepted.at(-1);
  const liveCall = handler?.calls?.find((call) => mapGenesysParticipantState(call.state) !== 'ended');
  return {
    conversationId: conversation.id,
    callback: phase === 'scheduled' ? 'scheduled' : phase === 'ended' ? 'ended' : 'live',
    attributes: { ...(customer?.attributes ?? {}) },
    offers,
    attempts,
    ...withoutUndefined({
      customerParticipantId: customer?.id,
      queuedParticipantId: queued?.id,
      scheduledTime: phase === 'scheduled' ? current?.callbackScheduledTime : undefined,
      call: liveCall && { held: liveCall.held === true, muted: liveCall.muted === true, recording: liveCall.recording === true },
      afterCallWork: handler?.startAcwTime === undefined ? undefined : { startedAt: handler.startAcwTime, ...withoutUndefined({ timeoutMs: handler.wrapupTimeoutMs }) },
      wrapup: handler?.wrapup,
    }),
  };
}
