import type { AdapterRegistration } from '@icc/adapter-kit';
import { createAmazonConnectAdapter } from './connect-adapter';
import { createSimulatedAmazonConnectAdapter, SimulatedCustomerBehaviour } from './amazon-connect-simulator/simulated-amazon-connect-adapter';
import { readAmazonConnectAdapterConfig } from './connect-read-config';

export type AmazonConnectRegistration = AdapterRegistration;

/**
 * A real instance when `ICC_AMAZON_CONNECT_INSTANCE_ID` is set, else the in-process simulator
 * (whose customers' phones the dev telephony endpoint scripts).
 */
export function createAmazonConnectRegistration(env: Record<string, string | undefined>): AmazonConnectRegistration {
  const config = readAmazonConnectAdapterConfig(env);
  if (config) return { adapter: createAmazonConnectAdapter(config) };
  // With ICC_WEBHOOK_SECRET the simulated relay signs like the gateway expects, so the real webhook route works too.
  const webhookSecret = env['ICC_WEBHOOK_SECRET'];
  const adapter = createSimulatedAmazonConnectAdapter(webhookSecret ? { webhookSecret } : {});
  return {
    adapter,
    telephony: {
      behaviourSchema: SimulatedCustomerBehaviour,
      setBehaviour: (phoneNumber, behaviour) => adapter.setCustomerBehaviour(phoneNumber, SimulatedCustomerBehaviour.parse(behaviour)),
    },
  };
}
