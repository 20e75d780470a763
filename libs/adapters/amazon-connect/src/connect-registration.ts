import { readEnvJsonObject, type AdapterRegistration } from '@icc/adapter-kit';
import { createAmazonConnectAdapter } from './connect-adapter';
import type { AmazonConnectAdapterConfigInput } from './connect-config';
import { createSimulatedAmazonConnectAdapter, SimulatedCustomerBehaviour } from './amazon-connect-simulator/simulated-amazon-connect-adapter';

/**
 * The adapter's settings from `ICC_AMAZON_CONNECT_*` variables (README, "Pointing at a real
 * instance"), or undefined when no instance is configured (the gateway then runs the simulator).
 * Credentials come from the AWS SDK's usual chain (environment, profile, role).
 */
export function readAmazonConnectAdapterConfig(env: Record<string, string | undefined>): AmazonConnectAdapterConfigInput | undefined {
  const instanceId = env['ICC_AMAZON_CONNECT_INSTANCE_ID'];
  if (instanceId === undefined || instanceId === '') return undefined;
  const optional = <T>(name: string, value: T | undefined) => (value === undefined ? {} : { [name]: value });
  const json = (name: string) => readEnvJsonObject(env, name, '{"support":"<connect queue id>"}');
  return {
    region: env['ICC_AMAZON_CONNECT_REGION'] ?? env['AWS_REGION'] ?? '',
    instanceId,
    contactFlowId: env['ICC_AMAZON_CONNECT_CONTACT_FLOW_ID'] ?? '',
    ...optional('endpoint', env['ICC_AMAZON_CONNECT_ENDPOINT'] || undefined),
    ...optional('streamsEndpoint', env['ICC_AMAZON_CONNECT_STREAMS_ENDPOINT'] || undefined),
    ...optional('queueMap', json('ICC_AMAZON_CONNECT_QUEUE_MAP')),
    ...optional('userMap', json('ICC_AMAZON_CONNECT_USER_MAP')),
    ...optional('agentStatuses', json('ICC_AMAZON_CONNECT_AGENT_STATUSES')),
    ...optional('webhookSecret', env['ICC_WEBHOOK_SECRET'] || undefined),
  };
}

/**
 * A real instance when `ICC_AMAZON_CONNECT_INSTANCE_ID` is set, else the in-process simulator
 * (whose customers' phones the dev telephony endpoint scripts).
 */
export function createAmazonConnectRegistration(env: Record<string, string | undefined>): AdapterRegistration {
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
