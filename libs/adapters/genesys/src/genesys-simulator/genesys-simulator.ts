import { randomUUID } from 'node:crypto';
import type { Models } from 'purecloud-platform-client-v2';
import type { CustomerCallScript, VendorSimulatorControls } from '@icc/adapter-kit';
import type { Clock } from '@icc/core';
import { setupServer } from 'msw/node';
import { createSimAcd } from './simulator-acd';
import { createSimAgentActions } from './simulator-agent-actions';
import { conversationJson, conversationTopicBody } from './simulator-conversation-json';
import { createSimHandlers } from './simulator-handlers';
import type { SimHttpState, SimRequestRecord } from './simulator-http';
import { clearTimers, type SimCallbackSettings, type SimQueue, type SimUser, type SimWorld } from './simulator-model';
import { createSimNotifications } from './simulator-notifications';
import { createSimTelephony, type SimCustomerBehaviour } from './simulator-telephony';

export interface GenesysSimulatorSeed {
  queues: Array<{ id: string; name: string; callback: SimCallbackSettings }>;
  users: Array<{ id: string; name: string; queueIds: string[]; onQueue: boolean }>;
}

export interface GenesysSimulatorOptions extends GenesysSimulatorSeed {
  clock: Clock;
  baseUrl?: string;
  authUrl?: string;
  tokenLifetimeSeconds?: number;
  /** How long a notification channel lives (Genesys: 24 h); tests shorten it. */
  channelLifetimeSeconds?: number;
  /** How numbers nobody scripted behave. */
  defaultCustomerBehaviour?: SimCustomerBehaviour;
  /** `error` in tests (a request to an unknown host is a bug); `bypass` inside the gateway. */
  onUnhandledRequest?: 'error' | 'bypass';
}

/** A stateful stand-in for one Genesys Cloud org: Platform API over msw, notifications over a real WebSocket. */
export interface GenesysSimulator {
  readonly baseUrl: string;
  readonly authUrl: string;
  readonly controls: Required<VendorSimulatorControls>;
  listen(): Promise<void>;
  close(): Promise<void>;
  /** Every request with the endpoint it matched and its schema issues (the contract test reads these). */
  requests(): readonly SimRequestRecord[];
  /** Sends one frame to every open notification socket. */
  pushFrame(frame: unknown): void;
  dropConnections(): void;
  /** The next conversation change is delivered `seconds` of simulated time late. */
  delayNextNotification(seconds: number): void;
  /** The next conversation change is never delivered, though the socket stays up. */
  loseNextNotification(): void;
  channelTopics(channelId: string): string[];
  /** Channels alive now, oldest first. */
  channelIds(): string[];
  /** The OAuth client loses the permission a topic needs: subscribing to it fails unless errors are ignored. */
  denyTopic(topic: string): void;
  framesSent(): number;
  conversation(conversationId: string): Models.Conversation | undefined;
  /** Conversations not ended yet (a callback Genesys may still call the customer for). */
  openConversations(): number;
  scriptNumber(phoneNumber: string, calls: readonly SimCustomerBehaviour[]): void;
}

function queueFrom(seed: GenesysSimulatorSeed['queues'][number]): SimQueue {
  return { id: seed.id, name: seed.name, callback: { ...seed.callback } };
}

function userFrom(seed: GenesysSimulatorSeed['users'][number], now: number): SimUser {
  return {
    id: seed.id,
    name: seed.name,
    queueIds: [...seed.queueIds],
    systemPresence: seed.onQueue ? 'On Queue' : 'Offline',
    routingStatus: seed.onQueue ? 'IDLE' : 'OFF_QUEUE',
    idleSince: now,
  };
}

/**
 * Written from Genesys's published API reference, not from the adapter: it shares no code with
 * the adapter's schemas or translators, or the tests that run one against the other prove nothing.
 */
export function createGenesysSimulator(options: GenesysSimulatorOptions): GenesysSimulator {
  const baseUrl = options.baseUrl ?? 'https://api.genesys-simulator.test';
  const authUrl = options.authUrl ?? 'https://login.genesys-simulator.test';
  const { clock } = options;
  const notifications = createSimNotifications(clock, options.channelLifetimeSeconds === undefined ? {} : { channelLifetimeMs: options.channelLifetimeSeconds * 1000 });
  const world: SimWorld = {
    clock,
    queues: new Map(options.queues.map((queue) => [queue.id, queueFrom(queue)])),
    users: new Map(options.users.map((user) => [user.id, userFrom(user, clock.now())])),
    conversations: new Map(),
    newId: () => randomUUID(),
    publish(conversation) {
      const users = new Set(conversation.participants.flatMap((participant) => (participant.userId === undefined ? [] : [participant.userId])));
      const topics = [`v2.routing.queues.${conversation.queueId}.conversations`, ...[...users].map((userId) => `v2.users.${userId}.conversations`)];
      notifications.publish(topics, conversationTopicBody(conversation));
      world.publishUsers();
    },
    publishUsers() {
      for (const user of world.users.values()) {
        if (announced.get(user.id) === user.routingStatus) continue;
        announced.set(user.id, user.routingStatus);
        // The topic's body is the SDK's `UserRoutingStatusUserRoutingStatus` (the model the SDKs bind to
        // `v2.users.{id}.routingStatus`); statuses from RoutingStatus.md, StatusEnum.
        const body = { id: user.id, routingStatus: { status: user.routingStatus, startTime: new Date(clock.now()).toISOString() } } satisfies Models.UserRoutingStatusUserRoutingStatus;
        notifications.publishNow([`v2.users.${user.id}.routingStatus`], body);
      }
    },
  };
  const announced = new Map([...world.users.values()].map((user) => [user.id, user.routingStatus]));
  const telephony = createSimTelephony(options.defaultCustomerBehaviour ?? { kind: 'answer', afterSeconds: 3 });
  const acd = createSimAcd(world, telephony);
  const actions = createSimAgentActions(world, acd);
  const state: SimHttpState = { clock, calls: [], requests: [], faults: [], tokens: new Map() };
  const server = setupServer(
    ...createSimHandlers(world, acd, actions, notifications, state, { baseUrl, authUrl, tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 86_399 }),
  );
  const toBehaviour = (call: CustomerCallScript): SimCustomerBehaviour => call;

  return {
    baseUrl,
    authUrl,
    async listen() {
      await notifications.listen();
      const strict = (options.onUnhandledRequest ?? 'error') === 'error';
      server.listen({
        // msw also sees the notification socket's HTTP upgrade to the loopback server: let it through.
        onUnhandledRequest: (request, print) => {
          if (strict && new URL(request.url).hostname !== '127.0.0.1') print.error();
        },
      });
    },
    async close() {
      for (const conversation of world.conversations.values()) clearTimers(conversation);
      server.close();
      await notifications.close();
    },
    requests: () => state.requests,
    pushFrame: (frame) => notifications.sendRaw(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    dropConnections: () => notifications.dropConnections(),
    delayNextNotification: (seconds) => notifications.delayNext(seconds),
    loseNextNotification: () => notifications.loseNext(),
    channelTopics: (channelId) => notifications.topicsOf(channelId),
    channelIds: () => notifications.channelIds(),
    denyTopic: (topic) => notifications.denyTopic(topic),
    framesSent: () => notifications.framesSent(),
    conversation: (conversationId) => {
      const conversation = world.conversations.get(conversationId);
      return conversation ? conversationJson(conversation) : undefined;
    },
    openConversations: () => [...world.conversations.values()].filter((conversation) => conversation.status !== 'ended').length,
    scriptNumber: (phoneNumber, calls) => telephony.script(phoneNumber, calls),
    controls: {
      scriptCustomer: (phoneNumber, calls) => telephony.script(phoneNumber, calls.map(toBehaviour)),
      failNextVendorCalls: (fault) => {
        state.faults.push({ ...fault });
      },
      vendorCalls: () => state.calls,
      duplicateNextVendorEvent: () => notifications.duplicateNext(),
      reorderNextVendorEvents: (count) => notifications.reorderNext(count),
      deliverMalformedVendorPayload: () =>
        notifications.sendRaw(
          JSON.stringify({ topicName: `v2.routing.queues.${options.queues[0]?.id ?? 'unknown'}.conversations`, version: '2', eventBody: { id: 42, participants: 'nobody' } }),
        ),
      openConnections: () => notifications.openConnections(),
    },
  };
}
