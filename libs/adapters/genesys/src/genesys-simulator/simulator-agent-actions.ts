import type { SimAcd } from './simulator-acd';
import {
  activeCall,
  clearTimers,
  createCommunication,
  disconnect,
  setTimer,
  type SimConversation,
  type SimParticipant,
  type SimWorld,
} from './simulator-model';

/** A request the simulated platform refuses, with the HTTP status and Genesys-style error code. */
export class SimRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** What a participant PATCH (`MediaParticipantRequest`) or a call/callback command does to a conversation. */
export interface SimAgentActions {
  patchParticipant(conversation: SimConversation, participantId: string, body: { state?: string; held?: boolean; muted?: boolean; recording?: boolean }): void;
  placeCall(conversation: SimConversation, callNumber: string): void;
  wrapup(conversation: SimConversation, participantId: string, communicationId: string, body: { code: string; notes?: string }): void;
  disconnectAll(conversation: SimConversation): void;
  reschedule(conversation: SimConversation, at: number, move?: { queueId?: string; callbackNumbers?: string[] }): void;
  transferCallback(conversation: SimConversation, participantId: string, body: { transferType?: 'Attended' | 'Unattended'; userId?: string; queueId?: string }): void;
  /** Blind transfer of the live call to a user; returns nothing (202). */
  transferCall(conversation: SimConversation, participantId: string, userId: string | undefined): void;
  /** Consult transfer to a user: the destination participant's id. */
  consult(conversation: SimConversation, objectId: string, userId: string | undefined, speakTo: string): string;
  updateConsult(conversation: SimConversation, objectId: string, speakTo: string): string;
  cancelConsult(conversation: SimConversation, objectId: string): void;
}

function participantOf(conversation: SimConversation, participantId: string): SimParticipant {
  const participant = conversation.participants.find((candidate) => candidate.id === participantId);
  if (!participant) throw new SimRefusal(404, 'not.found', `Participant ${participantId} is not in conversation ${conversation.id}`);
  return participant;
}

export function createSimAgentActions(world: SimWorld, acd: SimAcd): SimAgentActions {
  const now = () => world.clock.now();
  const refuse = (message: string) => new SimRefusal(400, 'bad.request', message);

  const answer = (conversation: SimConversation, agent: SimParticipant) => {
    const offered = agent.callbacks[0] ?? agent.calls[0];
    if (!offered || offered.state !== 'alerting') throw refuse('Only an alerting communication can be answered');
    clearTimers(conversation);
    offered.state = 'connected';
    offered.connectedTime = now();
    agent.connectedTime = now();
    for (const acdParticipant of conversation.participants.filter((candidate) => candidate.purpose === 'acd')) {
      for (const communication of acdParticipant.callbacks) disconnect(world, communication, 'transfer');
      acdParticipant.endTime ??= now();
    }
    // An Attended transfer completes when the receiver answers: the sender leaves (TransferRequest.md).
    const sender = conversation.participants.find((candidate) => candidate.id === conversation.transfer?.fromParticipantId);
    if (sender) leave(sender, 'transfer');
    delete conversation.transfer;
    delete conversation.directedUserId;
    const queue = world.queues.get(conversation.queueId);
    if (offered.media === 'call') {
      conversation.status = 'talking';
    } else {
      conversation.status = 'preview';
      if (queue?.callback.enableAutoDialAndEnd) {
        offered.timeoutSeconds = queue.callback.autoDialDelaySeconds;
        const number = conversation.customer.callbacks.at(-1)?.callbackNumbers?.[0];
        setTimer(world, conversation, now() + queue.callback.autoDialDelaySeconds * 1000, () => {
          if (conversation.status === 'preview' && number !== undefined) acd.placeCall(conversation, number);
        });
      }
    }
    world.publish(conversation);
  };

  const decline = (conversation: SimConversation, agent: SimParticipant) => {
    const offered = agent.callbacks[0] ?? agent.calls[0];
    if (!offered) return;
    clearTimers(conversation);
    disconnect(world, offered, 'client');
    agent.endTime = now();
    if (agent.userId !== undefined) conversation.declinedBy.add(agent.userId);
    acd.freeUser(agent.userId);
    conversation.status = offered.media === 'callback' ? 'queued' : 'waiting-agent';
    world.publish(conversation);
    acd.route();
  };

  const leave = (participant: SimParticipant, disconnectType: string) => {
    for (const communication of [...participant.callbacks, ...participant.calls]) disconnect(world, communication, disconnectType);
    participant.endTime ??= now();
    if (participant.purpose === 'agent') acd.freeUser(participant.userId);
  };

  /** The sender calls an Attended transfer off by ending its target (simulator's modelling, not documented). */
  const cancelTransfer = (conversation: SimConversation, target: SimParticipant) => {
    const transfer = conversation.transfer;
    if (!transfer) return;
    clearTimers(conversation);
    leave(target, 'client');
    for (const receiver of conversation.participants.filter((candidate) => candidate.purpose === 'agent' && candidate.endTime === undefined && candidate.id !== transfer.fromParticipantId)) {
      leave(receiver, 'client');
    }
    conversation.queueId = transfer.queueId;
    conversation.status = 'preview';
    delete conversation.transfer;
    delete conversation.directedUserId;
    world.publish(conversation);
    acd.route();
  };

  /** A user joins the live call: a new agent participant whose call alerts until answered. */
  const join = (conversation: SimConversation, userId: string | undefined): SimParticipant => {
    const user = userId === undefined ? undefined : world.users.get(userId);
    if (!user) throw refuse(`User ${userId ?? ''} not found`);
    if (user.conversationId !== undefined) throw refuse(`User ${user.id} is busy`);
    const participant: SimParticipant = {
      id: world.newId(),
      purpose: 'agent',
      userId: user.id,
      queueId: conversation.queueId,
      name: user.name,
      attributes: { ...conversation.customer.attributes },
      callbacks: [],
      calls: [createCommunication(world, { media: 'call', state: 'alerting', direction: 'inbound' })],
    };
    conversation.participants.push(participant);
    user.conversationId = conversation.id;
    user.routingStatus = 'INTERACTING';
    return participant;
  };
  const talkingAgent = (conversation: SimConversation, participantId: string): SimParticipant => {
    const agent = participantOf(conversation, participantId);
    if (agent.purpose !== 'agent' || activeCall(agent)?.state !== 'connected' || conversation.status !== 'talking') throw refuse('Only an agent on a connected call can transfer it');
    return agent;
  };
  const consultOf = (conversation: SimConversation, objectId: string) => {
    if (conversation.consult?.objectId !== objectId) throw new SimRefusal(404, 'not.found', 'No consult transfer for this participant');
    return conversation.consult;
  };

  const hangUp = (conversation: SimConversation, agent: SimParticipant) => {
    const consult = conversation.consult;
    if (consult && (agent.id === consult.initiatorId || agent.id === consult.destinationId)) {
      // The initiator hanging up completes the consult transfer; the destination hanging up ends the consult.
      leave(agent, agent.id === consult.initiatorId ? 'transfer' : 'client');
      delete conversation.consult;
      world.publish(conversation);
      return;
    }
    const call = activeCall(agent);
    if (call) {
      disconnect(world, call, 'client');
      for (const customerLeg of conversation.customer.calls) disconnect(world, customerLeg, 'peer');
    }
    acd.startAfterCallWork(conversation, agent);
  };

  return {
    patchParticipant(conversation, participantId, body) {
      const participant = participantOf(conversation, participantId);
      if (participant.id === conversation.transfer?.targetParticipantId && body.state === 'disconnected') return cancelTransfer(conversation, participant);
      if (participant.purpose !== 'agent') throw refuse('Only agent participants can be changed here');
      const offered = participant.callbacks[0] ?? participant.calls[0];
      if (body.state === 'connected' && conversation.status === 'talking') {
        // A user joining the live call (transfer or consult) answers its alerting call.
        const joining = participant.calls.find((call) => call.state === 'alerting');
        if (!joining) throw refuse('Only an alerting communication can be answered');
        joining.state = 'connected';
        joining.connectedTime = now();
        participant.connectedTime = now();
        return world.publish(conversation);
      }
      if (body.state === 'connected') return answer(conversation, participant);
      if (body.state === 'disconnected') {
        if (offered?.state === 'alerting') return decline(conversation, participant);
        return hangUp(conversation, participant);
      }
      const call = activeCall(participant);
      if (!call || call.state !== 'connected') throw refuse('The participant has no connected call');
      if (body.held !== undefined) {
        call.held = body.held;
        if (body.held) call.startHoldTime = now();
        else delete call.startHoldTime;
      }
      if (body.muted !== undefined) call.muted = body.muted;
      if (body.recording !== undefined) call.recording = body.recording;
      world.publish(conversation);
    },
    placeCall(conversation, callNumber) {
      if (conversation.status !== 'preview' && conversation.status !== 'no-answer') throw refuse('A call can only be placed from a callback an agent holds');
      acd.placeCall(conversation, callNumber);
    },
    wrapup(conversation, participantId, communicationId, body) {
      const participant = participantOf(conversation, participantId);
      const communication = [...participant.callbacks, ...participant.calls].find((candidate) => candidate.id === communicationId);
      if (!communication) throw new SimRefusal(404, 'not.found', `Communication ${communicationId} is not on participant ${participantId}`);
      if (conversation.status !== 'after-call-work') throw refuse('Wrap-up is applied after the communication ends');
      acd.applyWrapup(conversation, participant, body);
    },
    disconnectAll(conversation) {
      if (conversation.status === 'ended') return;
      acd.endConversation(conversation, 'client');
    },
    transferCallback(conversation, participantId, body) {
      const sender = participantOf(conversation, participantId);
      const held = sender.callbacks.find((callback) => callback.state === 'connected');
      if (sender.purpose !== 'agent' || !held || (conversation.status !== 'preview' && conversation.status !== 'no-answer') || conversation.transfer) {
        throw refuse('Only a callback an agent holds, before its call, can be transferred');
      }
      if (body.queueId !== undefined && !world.queues.has(body.queueId)) throw refuse(`Queue ${body.queueId} not found`);
      if (body.userId !== undefined && !world.users.has(body.userId)) throw refuse(`User ${body.userId} not found`);
      clearTimers(conversation);
      const fromQueueId = conversation.queueId;
      if (body.queueId !== undefined) conversation.queueId = body.queueId;
      if (body.userId !== undefined) conversation.directedUserId = body.userId;
      // Unattended (the default) ends the sender at once; Attended keeps it until a receiver answers (TransferRequest.md).
      if (body.transferType === 'Attended') conversation.transfer = { fromParticipantId: sender.id, queueId: fromQueueId };
      else leave(sender, 'transfer');
      const target = acd.enqueue(conversation);
      if (conversation.transfer) conversation.transfer.targetParticipantId = target.id;
    },
    transferCall(conversation, participantId, userId) {
      const agent = talkingAgent(conversation, participantId);
      if (conversation.consult) throw refuse('A consult transfer is under way');
      join(conversation, userId);
      // Blind: the transferring agent leaves at once (the simulator gives it no after-call work).
      leave(agent, 'transfer');
      world.publish(conversation);
    },
    consult(conversation, objectId, userId, speakTo) {
      if (objectId !== conversation.customer.id || conversation.consult) throw refuse('Only the customer of a call without a consult can be consulted on');
      const initiator = conversation.participants.find((participant) => participant.purpose === 'agent' && activeCall(participant)?.state === 'connected');
      if (!initiator) throw refuse('No agent is on the call');
      const destination = join(conversation, userId);
      conversation.consult = { initiatorId: initiator.id, objectId, destinationId: destination.id, speakTo };
      world.publish(conversation);
      return destination.id;
    },
    updateConsult(conversation, objectId, speakTo) {
      const consult = consultOf(conversation, objectId);
      consult.speakTo = speakTo;
      world.publish(conversation);
      return consult.destinationId;
    },
    cancelConsult(conversation, objectId) {
      const consult = consultOf(conversation, objectId);
      const destination = participantOf(conversation, consult.destinationId);
      delete conversation.consult;
      leave(destination, 'client');
      world.publish(conversation);
    },
    reschedule(conversation, at, move = {}) {
      if (conversation.status === 'ended' || conversation.status === 'talking' || conversation.status === 'after-call-work') {
        throw refuse('Only a callback that is not connected can be rescheduled');
      }
      clearTimers(conversation);
      for (const participant of conversation.participants) {
        if (participant === conversation.customer) continue;
        for (const communication of [...participant.callbacks, ...participant.calls]) disconnect(world, communication, 'transfer');
        if (participant.endTime === undefined && participant.purpose === 'agent') acd.freeUser(participant.userId);
        participant.endTime ??= now();
      }
      const previous = conversation.customer.callbacks.at(-1);
      if (previous) disconnect(world, previous, 'transfer');
      if (move.queueId !== undefined) conversation.queueId = conversation.customer.queueId = move.queueId;
      conversation.customer.callbacks.push(
        createCommunication(world, {
          media: 'callback',
          state: 'scheduled',
          direction: 'outbound',
          callbackScheduledTime: at,
          callbackNumbers: move.callbackNumbers ?? previous?.callbackNumbers ?? [],
          ...(previous?.callbackUserName !== undefined ? { callbackUserName: previous.callbackUserName } : {}),
        }),
      );
      conversation.status = 'scheduled';
      setTimer(world, conversation, at, () => acd.startScheduled(conversation));
      world.publish(conversation);
      acd.route();
    },
  };
}

