import { AmazonConnectAdapterConfig } from './connect-config';
import { readAmazonConnectAdapterConfig } from './connect-registration';

describe('readAmazonConnectAdapterConfig', () => {
  it('is undefined without an instance id: the gateway then runs the simulator', () => {
    expect(readAmazonConnectAdapterConfig({ AWS_REGION: 'eu-west-2' })).toBeUndefined();
  });

  it('reads a real instance from the environment, into a config the schema accepts', () => {
    const input = readAmazonConnectAdapterConfig({
      ICC_AMAZON_CONNECT_INSTANCE_ID: 'a1b2c3d4-0000-0000-0000-000000000000',
      ICC_AMAZON_CONNECT_CONTACT_FLOW_ID: 'f1e2d3c4-0000-0000-0000-000000000000',
      AWS_REGION: 'eu-west-2',
      ICC_AMAZON_CONNECT_QUEUE_MAP: '{"callbacks-af":"q-0001"}',
      ICC_WEBHOOK_SECRET: 'a-long-enough-shared-secret',
    });
    expect(AmazonConnectAdapterConfig.parse(input)).toMatchObject({
      region: 'eu-west-2',
      queueMap: { 'callbacks-af': 'q-0001' },
      webhookSecret: 'a-long-enough-shared-secret',
    });
  });

  it('names the variable that holds malformed JSON', () => {
    expect(() => readAmazonConnectAdapterConfig({ ICC_AMAZON_CONNECT_INSTANCE_ID: 'i', ICC_AMAZON_CONNECT_USER_MAP: '{oops' })).toThrow(
      'ICC_AMAZON_CONNECT_USER_MAP',
    );
  });
});
