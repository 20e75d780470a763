import {
  activeAgent,
  clearTimers,
  createCommunication,
  disconnect,
  setTimer,
  type SimConversation,
  type SimParticipant,
  type SimQueue,
  type SimUser,
  type SimWorld,
} from './simulator-model';
import type { SimTelephony } from './simulator-telephony';

/**
 * The simulated ACD: routes waiting callbacks to the longest-idle on-queue user, places calls to
 * customers (agent's Call number, auto dial, customer-first pacing and retries) and ends after-call
 * work by itself where the queue says so. Every change is published as one notification.
 */
export interface SimAcd {
  route(): void;
  startScheduled(conversation: SimConversation): void;
  /** Puts the callback in its queue (an `acd` participant) and routes it. */
  enqueue(conversation: SimConversation): SimParticipant;
  placeCall(conversation: SimConversation, phoneNumber: string): void;
  startAfterCallWork(conversation: SimConversation, agent: SimParticipant): void;
  applyWrapup(conversation: SimConversation, agent: SimParticipant, wrapup: { code: string; notes?: string }): void;
  endConversation(conversation: SimConversation, disconnectType: string): void;
  freeUser(userId: string | undefined, status?: SimUser['routingStatus']): void;
}

export const WRAPUP_TIMEOUT_CODE = 'ININ-WRAP-UP-TIMEOUT';

export function createSimAcd(world: SimWorld, telephony: SimTelephony): SimAcd {
  const now = () => world.clock.now();
  const queueOf = (conversation: SimConversation): SimQueue => world.queues.get(conversation.queueId) as SimQueue;
  const idleUsers = (queueId: string) =>
    [...world.users.values()]
      .filter((user) => user.queueIds.includes(queueId) && user.systemPresence === 'On Queue' && user.routingStatus === 'IDLE' && user.conversationId === undefined)
      .sort((a, b) => a.idleSince - b.idleSince);

  const freeUser: SimAcd['freeUser'] = (userId, status = 'IDLE') => {
    const user = userId === undefined ? undefined : world.users.get(userId);
    if (!user) return;
    delete user.conversationId;
    user.routingStatus = user.systemPresence === 'On Queue' ? status : 'OFF_QUEUE';
    user.idleSince = now();
  };

  const alert = (conversation: SimConversation, user: SimUser) => {
    const queue = queueOf(conversation);
    const media = queue.callback.mode === 'AgentFirst' ? 'callback' : 'call';
    const communication = createCommunication(world, { media, state: 'alerting', direction: 'outbound' });
    const agent: SimParticipant = {
      id: world.newId(),
      purpose: 'agent',
      userId: user.id,
      queueId: queue.id,
      name: user.name,
      attributes: { ...conversation.customer.attributes },
      alertingTimeoutMs: queue.callback.alertingTimeoutSeconds * 1000,
      callbacks: media === 'callback' ? [{ ...communication, callbackNumbers: conversation.customer.callbacks.at(-1)?.callbackNumbers ?? [] }] : [],
      calls: media === 'call' ? [communication] : [],
    };
    conversation.participants.push(agent);
    conversation.status = 'alerting';
    user.conversationId = conversation.id;
    user.routingStatus = 'INTERACTING';
    setTimer(world, conversation, now() + queue.callback.alertingTimeoutSeconds * 1000, () => {
      const offered = agent.callbacks[0] ?? agent.calls[0];
      if (!offered || offered.state !== 'alerting') return;
      // Disconnect reasons (help.mypurecloud.com/articles/disconnect-reasons): System = the cloud ended it; Timeout is a dialing timeout.
      // "When an alert times out, the agent's status changes to Not Responding and the system returns the call to the queue"
      // (help.mypurecloud.com/articles/set-behavior-and-thresholds-for-voice-and-chat-channels/).
      disconnect(world, offered, 'system');
      agent.endTime = now();
      freeUser(user.id, 'NOT_RESPONDING');
      conversation.status = media === 'callback' ? 'queued' : 'waiting-agent';
      world.publish(conversation);
      route();
    });
    world.publish(conversation);
  };

  const dialCustomer = (conversation: SimConversation) => {
    const number = conversation.customer.callbacks.at(-1)?.callbackNumbers?.[0];
    if (number === undefined) return;
    placeCall(conversation, number);
  };

  const placeCall: SimAcd['placeCall'] = (conversation, phoneNumber) => {
    clearTimers(conversation);
    const queue = queueOf(conversation);
    const agent = activeAgent(conversation);
    const agentLeg = agent ? createCommunication(world, { media: 'call', state: 'dialing', direction: 'outbound', address: phoneNumber }) : undefined;
    if (agent && agentLeg) agent.calls.push(agentLeg);
    const customerLeg = createCommunication(world, { media: 'call', state: 'dialing', direction: 'outbound', address: phoneNumber });
    conversation.customer.calls.push(customerLeg);
    conversation.status = 'dialing';
    const outcome = telephony.nextCall(phoneNumber);
    setTimer(world, conversation, now() + outcome.afterSeconds * 1000, () => {
      if (outcome.kind === 'answered') {
        customerLeg.state = 'connected';
        customerLeg.connectedTime = now();
        if (agentLeg) {
          agentLeg.state = 'connected';
          agentLeg.connectedTime = now();
        }
        conversation.status = agent ? 'talking' : 'waiting-agent';
        if (outcome.hangUpAfterSeconds !== undefined) {
          setTimer(world, conversation, now() + outcome.hangUpAfterSeconds * 1000, () => customerHangsUp(conversation));
        }
        world.publish(conversation);
        route();
        return;
      }
      disconnect(world, customerLeg, outcome.disconnectType);
      customerLeg.q850 = outcome.q850;
      if (agentLeg) disconnect(world, agentLeg, 'peer');
      if (agent) {
        conversation.status = 'no-answer';
        world.publish(conversation);
        return;
      }
      conversation.failedCalls += 1;
      if (conversation.failedCalls > queue.callback.maxRetryCount) {
        endConversation(conversation, 'system');
        return;
      }
      conversation.status = 'retry-wait';
      setTimer(world, conversation, now() + queue.callback.retryDelaySeconds * 1000, () => {
        conversation.status = 'queued';
        conversation.enqueuedAt = now();
        route();
      });
      world.publish(conversation);
    });
    world.publish(conversation);
  };

  const customerHangsUp = (conversation: SimConversation) => {
    const agent = activeAgent(conversation);
    const customerLeg = conversation.customer.calls.find((call) => call.state === 'connected');
    if (!customerLeg || !agent) return;
    disconnect(world, customerLeg, 'endpoint');
    for (const call of agent.calls) disconnect(world, call, 'peer');
    startAfterCallWork(conversation, agent);
  };

  const startAfterCallWork: SimAcd['startAfterCallWork'] = (conversation, agent) => {
    clearTimers(conversation);
    const queue = queueOf(conversation);
    for (const callback of agent.callbacks) disconnect(world, callback, 'client');
    agent.wrapupRequired = true;
    agent.startAcwTime = now();
    conversation.status = 'after-call-work';
    if (queue.callback.enableAutoDialAndEnd) {
      agent.wrapupTimeoutMs = queue.callback.autoEndDelaySeconds * 1000;
      setTimer(world, conversation, now() + agent.wrapupTimeoutMs, () => applyWrapup(conversation, agent, { code: WRAPUP_TIMEOUT_CODE }));
    }
    world.publish(conversation);
  };

  const applyWrapup: SimAcd['applyWrapup'] = (conversation, agent, wrapup) => {
    agent.wrapup = wrapup;
    agent.endAcwTime = now();
    agent.endTime = now();
    endConversation(conversation, 'client');
  };

  const endConversation: SimAcd['endConversation'] = (conversation, disconnectType) => {
    clearTimers(conversation);
    for (const participant of conversation.participants) {
      for (const communication of [...participant.callbacks, ...participant.calls]) disconnect(world, communication, disconnectType);
      participant.endTime ??= now();
      if (participant.purpose === 'agent') freeUser(participant.userId);
    }
    conversation.status = 'ended';
    world.publish(conversation);
    route();
  };

  const startScheduled: SimAcd['startScheduled'] = (conversation) => {
    const callback = conversation.customer.callbacks.at(-1);
    if (!callback || callback.state !== 'scheduled') return;
    callback.state = 'connected';
    callback.connectedTime = now();
    enqueue(conversation);
  };

  const enqueue: SimAcd['enqueue'] = (conversation) => {
    const acdParticipant: SimParticipant = {
      id: world.newId(),
      purpose: 'acd',
      queueId: conversation.queueId,
      name: queueOf(conversation).name,
      attributes: {},
      connectedTime: now(),
      callbacks: [createCommunication(world, { media: 'callback', state: 'connected', direction: 'outbound', connectedTime: now() })],
      calls: [],
    };
    conversation.participants.push(acdParticipant);
    conversation.status = 'queued';
    conversation.enqueuedAt = now();
    world.publish(conversation);
    route();
    return acdParticipant;
  };

  const route: SimAcd['route'] = () => {
    const waiting = [...world.conversations.values()]
      .filter((conversation) => conversation.status === 'queued' || conversation.status === 'waiting-agent')
      .sort((a, b) => a.enqueuedAt - b.enqueuedAt);
    for (const conversation of waiting) {
      const queue = queueOf(conversation);
      const idle = idleUsers(queue.id);
      if (conversation.status === 'queued' && queue.callback.mode === 'CustomerFirst') {
        const engaged = [...world.conversations.values()].filter(
          (other) => other.queueId === queue.id && (other.status === 'dialing' || other.status === 'waiting-agent'),
        ).length;
        if (engaged < Math.floor(idle.length * queue.callback.pacingModifier)) dialCustomer(conversation);
        continue;
      }
      if (conversation.directedUserId !== undefined) {
        const directed = world.users.get(conversation.directedUserId);
        if (directed?.systemPresence === 'On Queue' && directed.routingStatus === 'IDLE' && directed.conversationId === undefined) alert(conversation, directed);
        continue;
      }
      const fresh = idle.filter((user) => !conversation.declinedBy.has(user.id));
      const user = fresh[0] ?? idle[0];
      if (user) alert(conversation, user);
    }
  };

  return { route, startScheduled, enqueue, placeCall, startAfterCallWork, applyWrapup, endConversation, freeUser };
}
