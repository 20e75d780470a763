import type { RecordedVendorCall, VendorFault } from '@icc/adapter-kit';
import type { Clock } from '@icc/core';
import type { RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { createConnectApiHandlers } from './connect-api-handlers';
import { createEventDelivery, type EventDelivery, type WebhookTarget } from './event-delivery';
import { createEventPublisher } from './event-publisher';
import { createSimulatedApiTraffic, type RecordedApiRequest } from './simulated-api-traffic';
import {
  createSimulatedInstance,
  type SimulatedCustomerCall,
  type SimulatedInstance,
  type SimulatedInstanceSettings,
} from './simulated-instance';
import { createStreamsHandlers } from './streams-handlers';

export interface AmazonConnectSimulatorOptions {
  clock: Clock;
  /** Signs every delivery: `X-ICC-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`. */
  webhookSecret: string;
  webhook?: WebhookTarget;
  /** Where the SDK is pointed (`endpoint`): the simulator answers any request under it. */
  apiBaseUrl?: string;
  /** Where the agent-side (Streams) actions are answered. */
  streamsBaseUrl?: string;
  settings?: Partial<SimulatedInstanceSettings>;
  onDeliveryFailure?: (error: unknown) => void;
}

export interface SimulatedQueueDefinition {
  id: string;
  name: string;
  alertTimeoutSeconds?: number;
}

export interface SimulatedUserDefinition {
  id: string;
  username: string;
  firstName?: string;
  lastName?: string;
  queueIds: string[];
  /** Agent status to start in (default: offline). */
  statusId?: string;
}

export interface AmazonConnectSimulator {
  readonly apiBaseUrl: string;
  readonly streamsBaseUrl: string;
  readonly instance: SimulatedInstance;
  /** Signed pushes to the webhook, with fault injection (duplicate, reorder, drop, delay). */
  readonly delivery: EventDelivery;
  readonly handlers: RequestHandler[];
  addQueue(queue: SimulatedQueueDefinition): void;
  addUser(user: SimulatedUserDefinition): void;
  /** Calls to `phoneNumber` get these outcomes in turn; the last one repeats. */
  scriptCustomer(phoneNumber: string, calls: readonly SimulatedCustomerCall[]): void;
  failNextCalls(fault: VendorFault): void;
  calls(): readonly RecordedVendorCall[];
  requests(): readonly RecordedApiRequest[];
  /** Pushes a payload the Connect schemas do not allow. */
  deliverMalformedPayload(): void;
  /** Requests being answered plus deliveries not yet answered. */
  busy(): number;
  /** API and CCP requests being answered right now. */
  openRequests(): number;
  /** Starts intercepting HTTP (msw/node); `close()` stops it. */
  listen(): void;
  close(): void;
}

const DEFAULT_SETTINGS: SimulatedInstanceSettings = {
  region: 'us-east-1',
  accountId: '111122223333',
  instanceId: '12345678-1234-1234-1234-123456789012',
  contactFlowIds: ['callback-task-flow'],
  defaultCustomerCall: { kind: 'answer', afterSeconds: 3 },
};

/**
 * A stateful stand-in for one Amazon Connect instance: the Connect API operations the adapter
 * calls (msw handlers at the SDK's REST-JSON paths), queued callbacks with initial delay and
 * retry rules, routing to available agents, the agent-side Streams actions, customers' phones, and
 * the contact events and agent events a relay forwards to the gateway's webhook. It shares no
 * code with the adapter's translation: both are written from the published formats.
 */
export function createAmazonConnectSimulator(options: AmazonConnectSimulatorOptions): AmazonConnectSimulator {
  const instance = createSimulatedInstance({ ...DEFAULT_SETTINGS, ...options.settings }, options.clock);
  const delivery = createEventDelivery({
    clock: options.clock,
    secret: options.webhookSecret,
    ...(options.webhook ? { target: options.webhook } : {}),
    ...(options.onDeliveryFailure ? { onFailure: (error: unknown) => options.onDeliveryFailure?.(error) } : {}),
  });
  const context = { instance, events: createEventPublisher(instance, delivery) };
  const traffic = createSimulatedApiTraffic(options.clock);
  const apiBaseUrl = options.apiBaseUrl ?? 'https://connect.simulator.test';
  const streamsBaseUrl = options.streamsBaseUrl ?? 'https://ccp.simulator.test';
  const handlers = [
    ...createConnectApiHandlers(context, traffic, apiBaseUrl),
    ...createStreamsHandlers(context, traffic, streamsBaseUrl),
  ];
  let server: ReturnType<typeof setupServer> | undefined;

  return {
    apiBaseUrl,
    streamsBaseUrl,
    instance,
    delivery,
    handlers,
    addQueue(queue) {
      instance.queues.set(queue.id, { id: queue.id, name: queue.name, alertTimeoutSeconds: queue.alertTimeoutSeconds ?? 20 });
    },
    addUser(user) {
      instance.users.set(user.id, {
        id: user.id,
        username: user.username,
        firstName: user.firstName ?? user.username,
        lastName: user.lastName ?? '',
        queueIds: [...user.queueIds],
        statusId: user.statusId ?? 'agent-status-offline',
        statusSince: options.clock.now(),
        muted: false,
      });
    },
    scriptCustomer(phoneNumber, calls) {
      instance.customers.set(phoneNumber, { calls: calls.map((call) => ({ ...call })), placed: 0 });
    },
    failNextCalls: (fault) => traffic.failNext(fault),
    calls: () => traffic.calls,
    requests: () => traffic.requests,
    deliverMalformedPayload() {
      delivery.publishRaw(
        JSON.stringify({
          version: '0',
          id: globalThis.crypto.randomUUID(),
          'detail-type': 'Amazon Connect Contact Event',
          source: 'aws.connect',
          detail: { eventType: 42, contactId: null, channel: 'VOICE' },
        }),
      );
    },
    busy: () => traffic.inFlight() + delivery.pending(),
    openRequests: () => traffic.inFlight(),
    listen() {
      server ??= setupServer(...handlers);
      server.listen({ onUnhandledRequest: 'bypass' });
    },
    close() {
      delivery.close();
      for (const contact of instance.contacts.values()) contact.cancelTimer?.();
      server?.close();
      server = undefined;
    },
  };
}
