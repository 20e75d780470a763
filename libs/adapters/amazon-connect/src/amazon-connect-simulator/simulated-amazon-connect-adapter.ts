import { randomBytes } from 'node:crypto';
import type { CcaasAdapterV1 } from '@icc/core';
import { E164PhoneNumber } from '@icc/protocol';
import { z } from 'zod';
import { createAmazonConnectAdapter } from '../connect-adapter';
import { createAmazonConnectSimulator, type AmazonConnectSimulator } from './amazon-connect-simulator';
import type { SimulatedCustomerCall } from './simulated-instance';

const customerCall = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('answer'), afterSeconds: z.number().min(0).max(600).default(3), hangUpAfterSeconds: z.number().min(1).max(7200).optional() }),
  /** `afterSeconds`: how long it rings before the attempt fails (default: the contact's ring timeout). */
  z.object({ kind: z.literal('no-answer'), afterSeconds: z.number().min(1).max(120).optional() }),
  z.object({ kind: z.literal('busy'), afterSeconds: z.number().min(0).max(60).optional() }),
]);

/** How a simulated customer's phone answers (dev endpoint `PUT /v1/dev/telephony/numbers/:e164`). */
export const SimulatedCustomerBehaviour = z.union([customerCall, z.object({ kind: z.literal('sequence'), steps: z.array(customerCall).min(1).max(20) })]);
export type SimulatedCustomerBehaviour = z.infer<typeof SimulatedCustomerBehaviour>;

export interface SimulatedAmazonConnectAdapter extends CcaasAdapterV1 {
  /** Scripts a number's answers in the running simulator (the next calls to it). */
  setCustomerBehaviour(phoneNumber: string, behaviour: SimulatedCustomerBehaviour): void;
  simulator(): AmazonConnectSimulator | undefined;
}

/**
 * The Amazon Connect adapter against an in-process simulated instance, for running the product
 * with no AWS account (`ICC_VENDOR=amazon-connect`). On `start` the simulator is created on the
 * gateway's clock with one Connect queue per ICC queue and one user per agent (same ids); its
 * relay pushes signed deliveries straight into `ingest`, which verifies them.
 */
export function createSimulatedAmazonConnectAdapter(options: { webhookSecret?: string } = {}): SimulatedAmazonConnectAdapter {
  const webhookSecret = options.webhookSecret ?? randomBytes(24).toString('hex');
  const apiBaseUrl = 'https://connect.amazon-connect-simulator.local';
  const streamsBaseUrl = 'https://ccp.amazon-connect-simulator.local';
  const instanceId = 'simulated-instance';
  const adapter = createAmazonConnectAdapter({
    region: 'us-east-1',
    endpoint: apiBaseUrl,
    streamsEndpoint: streamsBaseUrl,
    instanceId,
    contactFlowId: 'callback-task-flow',
    credentials: { accessKeyId: 'AKIDSIMULATED', secretAccessKey: 'simulated-secret-access-key' },
    webhookSecret,
  });
  let simulator: AmazonConnectSimulator | undefined;
  const scripts = new Map<string, SimulatedCustomerCall[]>();

  return {
    ...adapter,
    setCustomerBehaviour(phoneNumber, behaviour) {
      const calls = behaviour.kind === 'sequence' ? behaviour.steps : [behaviour];
      scripts.set(E164PhoneNumber.parse(phoneNumber), calls);
      simulator?.scriptCustomer(phoneNumber, calls);
    },
    simulator: () => simulator,
    async start(context) {
      simulator = createAmazonConnectSimulator({
        clock: context.clock,
        webhookSecret,
        webhook: { deliver: (delivery) => adapter.ingest?.(delivery) ?? Promise.resolve() },
        apiBaseUrl,
        streamsBaseUrl,
        settings: { instanceId },
        onDeliveryFailure: (error) => context.logger.warn({ err: error }, 'amazon-connect simulator: a webhook delivery failed'),
      });
      for (const queue of context.queues) simulator.addQueue({ id: queue.id, name: queue.name, alertTimeoutSeconds: queue.offerTimeoutSeconds });
      // The simulated instance starts empty: agents keep the presence the gateway restored.
      const statusOf = { available: 'agent-status-available', away: 'agent-status-break' } as Record<string, string>;
      for (const agent of context.agents) {
        simulator.addUser({ id: agent.id, username: agent.id, firstName: agent.displayName, queueIds: agent.queueIds, statusId: statusOf[agent.presence] ?? 'agent-status-offline' });
      }
      for (const [phoneNumber, calls] of scripts) simulator.scriptCustomer(phoneNumber, calls);
      simulator.listen();
      try {
        await adapter.start(context);
      } catch (error) {
        simulator.close();
        simulator = undefined;
        throw error;
      }
    },
    async stop() {
      await adapter.stop();
      simulator?.close();
      simulator = undefined;
    },
  };
}
