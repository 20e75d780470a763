import type { ConformanceHarness, VendorSimulatorControls } from '@icc/adapter-kit/conformance';
import type { Clock } from '@icc/core';
import type { Agent, QueueConfig } from '@icc/protocol';
import { createAmazonConnectAdapter, type AmazonConnectAdapter } from '../connect-adapter';
import type { AmazonConnectAdapterConfigInput } from '../connect-config';
import { createAmazonConnectSimulator, type AmazonConnectSimulator } from '../amazon-connect-simulator/amazon-connect-simulator';
import type { WebhookTarget } from '../amazon-connect-simulator/event-delivery';

export const HARNESS_WEBHOOK_SECRET = 'harness-webhook-secret-0123456789';
const CREDENTIALS = { accessKeyId: 'AKIDSIMULATOR', secretAccessKey: 'simulator-secret-access-key' };

export interface AmazonConnectBench extends ConformanceHarness {
  adapter: AmazonConnectAdapter;
  connect: AmazonConnectSimulator;
  simulator: Required<VendorSimulatorControls>;
  settle(): Promise<void>;
}

/** Connect ids differ from ICC ids on purpose, so the maps are exercised. */
export const connectQueueIdFor = (queueId: string) => `queue-${queueId}`;
export const connectUserIdFor = (agentId: string) => `user-${agentId}`;

/**
 * One adapter wired to one fresh simulator: the simulator is seeded with the ICC queues and
 * agents (as Connect queues and users), its webhook pushes reach `adapter.ingest` signed (or go to
 * `webhook` when given), and the adapter's SDK and CCP calls reach the simulator through msw.
 */
export function createAmazonConnectBench(options: {
  clock: Clock;
  queues: readonly QueueConfig[];
  agents: readonly Agent[];
  config?: Partial<AmazonConnectAdapterConfigInput>;
  webhook?: WebhookTarget;
}): AmazonConnectBench {
  const adapterRef: { current?: AmazonConnectAdapter } = {};
  const connect = createAmazonConnectSimulator({
    clock: options.clock,
    webhookSecret: HARNESS_WEBHOOK_SECRET,
    webhook: options.webhook ?? { deliver: (delivery) => (adapterRef.current?.ingest?.(delivery) ?? Promise.resolve()) },
  });
  for (const queue of options.queues) {
    connect.addQueue({ id: connectQueueIdFor(queue.id), name: queue.name, alertTimeoutSeconds: queue.offerTimeoutSeconds });
  }
  for (const agent of options.agents) {
    const [firstName, ...lastName] = agent.displayName.split(' ');
    connect.addUser({
      id: connectUserIdFor(agent.id),
      username: agent.id,
      firstName: firstName ?? agent.id,
      lastName: lastName.join(' '),
      queueIds: agent.queueIds.map(connectQueueIdFor),
    });
  }
  const adapter = createAmazonConnectAdapter({
    region: connect.instance.settings.region,
    endpoint: connect.apiBaseUrl,
    streamsEndpoint: connect.streamsBaseUrl,
    instanceId: connect.instance.settings.instanceId,
    contactFlowId: connect.instance.settings.contactFlowIds[0] as string,
    queueMap: Object.fromEntries(options.queues.map((queue) => [queue.id, connectQueueIdFor(queue.id)])),
    userMap: Object.fromEntries(options.agents.map((agent) => [agent.id, connectUserIdFor(agent.id)])),
    credentials: CREDENTIALS,
    webhookSecret: HARNESS_WEBHOOK_SECRET,
    // Retries have to fit the fake-time budgets of the conformance suite.
    retry: { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 5_000 },
    ...options.config,
  });
  adapterRef.current = adapter;
  connect.listen();

  return {
    adapter,
    connect,
    simulator: {
      scriptCustomer: (phoneNumber, calls) => connect.scriptCustomer(phoneNumber, calls),
      failNextVendorCalls: (fault) => connect.failNextCalls(fault),
      vendorCalls: () => connect.calls(),
      duplicateNextVendorEvent: () => connect.delivery.duplicateNext(),
      reorderNextVendorEvents: (count) => connect.delivery.reorderNext(count),
      deliverMalformedVendorPayload: () => connect.deliverMalformedPayload(),
      openConnections: () => connect.openRequests(),
    },
    async settle() {
      // msw answers on later turns of the event loop; wait until the simulator has been quiet a while.
      let quiet = 0;
      for (let turn = 0; turn < 400 && quiet < 8; turn++) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        quiet = connect.busy() === 0 ? quiet + 1 : 0;
      }
    },
    teardown: () => connect.close(),
  };
}
