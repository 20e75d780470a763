import { describeAdapterConformance } from '@icc/adapter-kit/conformance';
import { AMAZON_CONNECT_CAPABILITIES } from './connect-capabilities';
import { createAmazonConnectBench } from './testing/amazon-connect-harness';

describeAdapterConformance('amazon-connect', {
  capabilities: AMAZON_CONNECT_CAPABILITIES,
  createHarness: (world) => createAmazonConnectBench({ clock: world.clock, queues: world.queueList, agents: world.agentList }),
});
