import { connectErrorStatus } from './testing/connect-model-contract';
import { createFakeClock } from '@icc/core';
import { createAmazonConnectSimulator, type AmazonConnectSimulator } from './amazon-connect-simulator/amazon-connect-simulator';
import { createConnectStreamsClient, type ConnectStreamsClient } from './connect-streams-client';

const CALL = { phoneNumber: '+14155552671', queueId: 'queue-support', relatedContactId: 'contact-before' };

describe('createConnectStreamsClient', () => {
  let connect: AmazonConnectSimulator;
  let streams: ConnectStreamsClient;

  beforeEach(() => {
    const clock = createFakeClock('2026-01-05T09:00:00Z');
    connect = createAmazonConnectSimulator({ clock, webhookSecret: 'streams-client-test-secret-0123' });
    connect.addQueue({ id: 'queue-support', name: 'Support' });
    connect.addUser({ id: 'user-ada', username: 'ada', queueIds: ['queue-support'] });
    connect.listen();
    streams = createConnectStreamsClient({
      baseUrl: connect.streamsBaseUrl,
      instanceId: connect.instance.settings.instanceId,
      clock,
      signal: new AbortController().signal,
    });
  });
  afterEach(() => connect.close());

  it('turns a call the CCP refuses, because it holds another contact, into a 409 conflict', async () => {
    await streams.connect('user-ada', CALL);
    await expect(streams.connect('user-ada', CALL)).rejects.toMatchObject({
      code: 'invalid_transition',
      message: expect.stringContaining('still holds another contact'),
    });
  });

  it('turns a contact action refused in the contact state into a 409 conflict', async () => {
    const ringing = await streams.connect('user-ada', CALL);
    await expect(streams.contactAction('hold', ringing, 'user-ada')).rejects.toMatchObject({ code: 'invalid_transition' });
  });

  it("answers a refusal in state as Connect's model says (400 InvalidRequestException), and a bad parameter stays a refusal", async () => {
    const ringing = await streams.connect('user-ada', CALL);
    const refused = await fetch(`${connect.streamsBaseUrl}/streams/${connect.instance.settings.instanceId}/contacts/${ringing}/hold`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ UserId: 'user-ada' }),
    });
    expect({ status: refused.status, errorType: refused.headers.get('x-amzn-ErrorType') }).toEqual({ status: connectErrorStatus('InvalidRequestException'), errorType: 'InvalidRequestException' });
    await expect(streams.contactAction('send-digits', ringing, 'user-ada', { Digits: 'not digits' })).rejects.toMatchObject({
      code: 'vendor_unavailable',
      vendorStatus: 400,
      vendorCode: 'InvalidParameterException',
    });
  });

  it('keeps a CCP failure a vendor failure (502)', async () => {
    connect.failNextCalls({ status: 500, count: 1 });
    await expect(streams.connect('user-ada', CALL)).rejects.toMatchObject({ code: 'vendor_unavailable', vendorStatus: 500 });
  });
});
