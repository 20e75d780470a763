import type { Clock } from '@icc/core';

/** A queue's `mediaSettings.callback`, as the simulated org stores it. */
export interface SimCallbackSettings {
  mode: 'AgentFirst' | 'CustomerFirst';
  enableAutoAnswer: boolean;
  enableAutoDialAndEnd: boolean;
  autoDialDelaySeconds: number;
  autoEndDelaySeconds: number;
  alertingTimeoutSeconds: number;
  pacingModifier: number;
  maxRetryCount: number;
  retryDelaySeconds: number;
  /** CallbackMediaSettings.md, LiveVoiceReactionTypeEnum / AnsweringMachineReactionTypeEnum; only served, not acted on. */
  liveVoiceReactionType?: SimCallReaction;
  answeringMachineReactionType?: SimCallReaction;
}

export type SimCallReaction = 'HangUp' | 'TransferToQueue' | 'TransferToFlow';

export interface SimQueue {
  id: string;
  name: string;
  callback: SimCallbackSettings;
}

export type SimRoutingStatus = 'OFF_QUEUE' | 'IDLE' | 'INTERACTING' | 'NOT_RESPONDING';

export interface SimUser {
  id: string;
  name: string;
  queueIds: string[];
  systemPresence: string;
  routingStatus: SimRoutingStatus;
  /** Since when the user has been idle: routing offers to the longest idle first. */
  idleSince: number;
  /** The conversation alerting or held by the user. */
  conversationId?: string;
}

export interface SimCommunication {
  id: string;
  media: 'callback' | 'call';
  state: 'scheduled' | 'alerting' | 'dialing' | 'connected' | 'disconnected';
  initialState: SimCommunication['state'];
  direction: 'inbound' | 'outbound';
  held: boolean;
  muted: boolean;
  recording: boolean;
  connectedTime?: number;
  disconnectedTime?: number;
  disconnectType?: string;
  startHoldTime?: number;
  callbackNumbers?: string[];
  callbackUserName?: string;
  callbackScheduledTime?: number;
  timeoutSeconds?: number;
  /** Calls: the customer's number (E.164). */
  address?: string;
  q850?: { code: number; phrase: string };
}

export interface SimParticipant {
  id: string;
  purpose: 'customer' | 'acd' | 'agent';
  userId?: string;
  queueId?: string;
  name?: string;
  address?: string;
  attributes: Record<string, string>;
  alertingTimeoutMs?: number;
  wrapupRequired?: boolean;
  wrapupTimeoutMs?: number;
  startAcwTime?: number;
  endAcwTime?: number;
  wrapup?: { code: string; notes?: string };
  connectedTime?: number;
  endTime?: number;
  callbacks: SimCommunication[];
  calls: SimCommunication[];
}

/**
 * Where a simulated callback is. Agent-first: queued → alerting → preview → dialing → talking →
 * after-call-work → ended (no-answer after a failed call). Customer-first: queued → dialing →
 * (retry-wait → queued …) → waiting-agent → alerting → talking → after-call-work → ended.
 */
export type SimConversationStatus =
  | 'scheduled'
  | 'queued'
  | 'dialing'
  | 'retry-wait'
  | 'waiting-agent'
  | 'alerting'
  | 'preview'
  | 'no-answer'
  | 'talking'
  | 'after-call-work'
  | 'ended';

export interface SimConversation {
  id: string;
  queueId: string;
  status: SimConversationStatus;
  customer: SimParticipant;
  participants: SimParticipant[];
  /** `Conversation.startTime`: when the first participant joined. */
  startTime: number;
  enqueuedAt: number;
  failedCalls: number;
  declinedBy: Set<string>;
  /** Callback transfer: only this user is offered the callback. */
  directedUserId?: string;
  /**
   * An Attended callback transfer under way: the sending agent keeps the callback until a receiver
   * answers (TransferRequest.md); `queueId` is the queue to return to if it is called off.
   */
  transfer?: { fromParticipantId: string; queueId: string; targetParticipantId?: string };
  /** A consult transfer under way: `object` (the customer) is being transferred from `initiator` to `destination`. */
  consult?: { initiatorId: string; objectId: string; destinationId: string; speakTo: string };
  /** Timers of the current status (alerting timeout, ringing, retry, auto dial…). */
  timers: Set<() => void>;
}

export interface SimWorld {
  clock: Clock;
  queues: Map<string, SimQueue>;
  users: Map<string, SimUser>;
  conversations: Map<string, SimConversation>;
  newId(): string;
  /** Pushes the conversation, as it is now, to every channel subscribed to one of its topics. */
  publish(conversation: SimConversation): void;
  /** Pushes every user's routing status that changed since it was last pushed (`v2.users.{id}.routingStatus`). */
  publishUsers(): void;
}

export function createCommunication(world: SimWorld, fields: Omit<SimCommunication, 'id' | 'held' | 'muted' | 'recording' | 'initialState'>): SimCommunication {
  return { id: world.newId(), held: false, muted: false, recording: false, initialState: fields.state, ...fields };
}

export function setTimer(world: SimWorld, conversation: SimConversation, at: number, action: () => void): void {
  const cancel = world.clock.setTimer(at, () => {
    conversation.timers.delete(cancel);
    action();
  });
  conversation.timers.add(cancel);
}

export function clearTimers(conversation: SimConversation): void {
  for (const cancel of conversation.timers) cancel();
  conversation.timers.clear();
}

export function disconnect(world: SimWorld, communication: SimCommunication, disconnectType: string): void {
  if (communication.state === 'disconnected') return;
  communication.state = 'disconnected';
  communication.disconnectType = disconnectType;
  communication.disconnectedTime = world.clock.now();
  communication.held = false;
  delete communication.startHoldTime;
}

export function activeAgent(conversation: SimConversation): SimParticipant | undefined {
  return conversation.participants.find(
    (participant) => participant.purpose === 'agent' && participant.endTime === undefined,
  );
}

export function activeCall(participant: SimParticipant | undefined): SimCommunication | undefined {
  return participant?.calls.find((call) => call.state !== 'disconnected');
}
