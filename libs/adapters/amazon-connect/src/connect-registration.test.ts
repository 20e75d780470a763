import { connectCall, endAndWrapUp, startConformanceRun } from '@icc/adapter-kit/conformance';
import { AMAZON_CONNECT_CAPABILITIES } from './connect-capabilities';
import { createAmazonConnectRegistration } from './connect-registration';

describe('createAmazonConnectRegistration', () => {
  it('points at a real instance when one is configured (no simulated telephony then)', () => {
    const registration = createAmazonConnectRegistration({
      ICC_AMAZON_CONNECT_INSTANCE_ID: 'a1b2c3d4-0000-0000-0000-000000000000',
      ICC_AMAZON_CONNECT_CONTACT_FLOW_ID: 'f1e2d3c4-0000-0000-0000-000000000000',
      ICC_AMAZON_CONNECT_REGION: 'eu-west-2',
    });
    expect(registration.adapter.vendor).toBe('amazon-connect');
    expect(registration.telephony).toBeUndefined();
  });

  it('otherwise runs the in-process simulator, seeded from the gateway, far enough for an agent to complete a callback', async () => {
    const registration = createAmazonConnectRegistration({});
    const telephony = registration.telephony;
    expect(telephony?.behaviourSchema.safeParse({ kind: 'sequence', steps: [{ kind: 'busy' }, { kind: 'answer' }] }).success).toBe(true);
    const run = await startConformanceRun({
      capabilities: AMAZON_CONNECT_CAPABILITIES,
      createHarness: () => ({
        adapter: registration.adapter,
        simulator: { scriptCustomer: (phoneNumber, calls) => telephony?.setBehaviour(phoneNumber, { kind: 'sequence', steps: calls }) },
        teardown: () => undefined,
      }),
    });
    try {
      const interactionId = await connectCall(run, AMAZON_CONNECT_CAPABILITIES);
      await endAndWrapUp(run, interactionId);
    } finally {
      await run.close();
    }
  });
});
