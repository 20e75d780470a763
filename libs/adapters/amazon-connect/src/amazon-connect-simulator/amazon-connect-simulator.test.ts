import { ConnectClient, PutUserStatusCommand, StartOutboundVoiceContactCommand } from '@aws-sdk/client-connect';
import { verifyWebhookSignature } from '@icc/adapter-kit';
import { createFakeClock, type FakeClock } from '@icc/core';
import { createAmazonConnectSimulator, type AmazonConnectSimulator } from './amazon-connect-simulator';
import type { WebhookDelivery } from './event-delivery';

const SECRET = 'simulator-test-secret-0123456789';
const CUSTOMER = '+14155552671';

interface Pushed {
  'detail-type'?: string;
  detail?: { eventType: string; contactId: string; previousContactId?: string; initiationMethod?: string };
  CurrentAgentSnapshot?: { Contacts: Array<{ ContactId: string; State: string }> };
  AgentARN?: string;
}

describe('the Amazon Connect simulator', () => {
  let clock: FakeClock;
  let connect: AmazonConnectSimulator;
  let client: ConnectClient;
  let deliveries: WebhookDelivery[];
  const pushed = () => deliveries.map((delivery) => JSON.parse(delivery.rawBody) as Pushed);
  const contactEvents = () => pushed().flatMap((event) => (event.detail ? [event.detail] : []));
  const agentStates = () => pushed().flatMap((event) => event.CurrentAgentSnapshot?.Contacts.map((contact) => contact.State) ?? []);

  async function settle(): Promise<void> {
    for (let turn = 0, quiet = 0; turn < 400 && quiet < 8; turn++) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      quiet = connect.busy() === 0 ? quiet + 1 : 0;
    }
  }
  async function pass(seconds: number): Promise<void> {
    for (let second = 0; second < seconds; second++) {
      clock.advance(1000);
      await settle();
    }
  }
  const streams = (path: string, body: Record<string, unknown>) =>
    fetch(`${connect.streamsBaseUrl}/streams/${connect.instance.settings.instanceId}${path}`, { method: 'POST', body: JSON.stringify(body) });
  const startCallback = (attributes: Record<string, string>, clientToken?: string, previewSeconds = 0) =>
    client.send(
      new StartOutboundVoiceContactCommand({
        InstanceId: connect.instance.settings.instanceId,
        ContactFlowId: 'queued-callback-flow',
        QueueId: 'queue-support',
        DestinationPhoneNumber: CUSTOMER,
        Attributes: attributes,
        ...(clientToken !== undefined ? { ClientToken: clientToken } : {}),
        OutboundStrategy: { Type: 'AGENT_FIRST', Config: { AgentFirst: { Preview: { PostAcceptTimeoutConfig: { DurationInSeconds: previewSeconds }, AllowedUserActions: ['CALL'] } } } },
      }),
    );
  const putStatus = (userId: string, statusId: string) =>
    client.send(new PutUserStatusCommand({ InstanceId: connect.instance.settings.instanceId, UserId: userId, AgentStatusId: statusId }));
  const makeAvailable = (userId: string) => putStatus(userId, 'agent-status-available');

  beforeEach(() => {
    clock = createFakeClock('2026-01-05T09:00:00Z');
    deliveries = [];
    connect = createAmazonConnectSimulator({ clock, webhookSecret: SECRET, webhook: { deliver: async (delivery) => void deliveries.push(delivery) } });
    connect.addQueue({ id: 'queue-support', name: 'Support', alertTimeoutSeconds: 20 });
    connect.addUser({ id: 'user-ada', username: 'ada', queueIds: ['queue-support'] });
    connect.addUser({ id: 'user-grace', username: 'grace', queueIds: ['queue-support'] });
    connect.listen();
    client = new ConnectClient({ region: 'us-east-1', endpoint: connect.apiBaseUrl, credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' }, maxAttempts: 1 });
  });
  afterEach(() => {
    client.destroy();
    connect.close();
  });

  it('queues a callback after its initial delay, and starts it once per ClientToken', async () => {
    const first = await startCallback({ callbackInitialDelaySeconds: '120' }, 'token-1');
    const again = await startCallback({ callbackInitialDelaySeconds: '120' }, 'token-1');
    expect(again.ContactId).toBe(first.ContactId);
    expect(connect.instance.contacts.size).toBe(1);
    await settle();
    expect(contactEvents().map((event) => event.eventType)).toEqual(['INITIATED']);
    await pass(119);
    expect(contactEvents().map((event) => event.eventType)).toEqual(['INITIATED']);
    await pass(1);
    expect(contactEvents().map((event) => event.eventType)).toEqual(['INITIATED', 'QUEUED']);
  });

  it('offers to the agent available longest, moves on when the alert times out, and signs every push', async () => {
    await makeAvailable('user-ada');
    await pass(5);
    await makeAvailable('user-grace');
    await startCallback({});
    await settle();
    expect(pushed().at(-1)?.AgentARN).toMatch(/\/agent\/user-ada$/);
    expect(agentStates().at(-1)).toBe('INCOMING');
    await pass(20);
    expect(agentStates().slice(-2)).toEqual(['MISSED', 'INCOMING']);
    expect(pushed().at(-1)?.AgentARN).toMatch(/\/agent\/user-grace$/);
    for (const delivery of deliveries) {
      const check = { secret: SECRET, rawBody: delivery.rawBody, signaturePrefix: 'v1=' };
      expect(() => verifyWebhookSignature({ ...check, timestampHeader: delivery.headers['x-icc-timestamp'], signatureHeader: delivery.headers['x-icc-signature'] })).not.toThrow();
    }
  });

  it('retries an unanswered callback as new CALLBACK contacts, the minimum time apart, up to the maximum attempts', async () => {
    connect.scriptCustomer(CUSTOMER, [{ kind: 'no-answer' }]);
    await makeAvailable('user-ada');
    await startCallback({ callbackMaxAttempts: '3', callbackMinSecondsBetweenAttempts: '60' });
    for (let attempt = 0; attempt < 3; attempt++) {
      await settle();
      const alerting = [...connect.instance.contacts.values()].find((contact) => contact.phase === 'alerting');
      expect(alerting).toBeDefined();
      await streams(`/contacts/${alerting?.id}/accept`, { UserId: 'user-ada' });
      await settle();
      await pass(60); // rings until the ring timeout
      await streams(`/contacts/${alerting?.id}/clear`, { UserId: 'user-ada' });
      await pass(60); // the minimum time between attempts
    }
    await pass(300);
    const contacts = [...connect.instance.contacts.values()];
    expect(contacts.map((contact) => [contact.initiationMethod, contact.callback.attempt])).toEqual([
      ['API', 1],
      ['CALLBACK', 2],
      ['CALLBACK', 3],
    ]);
    expect(contacts[2]).toMatchObject({ initialContactId: contacts[0]?.id, previousContactId: contacts[1]?.id });
    const initiated = contactEvents().filter((event) => event.eventType === 'INITIATED');
    expect(initiated.map((event) => event.previousContactId)).toEqual([undefined, contacts[0]?.id, contacts[1]?.id]);
  });

  it('makes a status put while the agent handles a contact their next status, applied as the contact is cleared', async () => {
    connect.scriptCustomer(CUSTOMER, [{ kind: 'busy' }]);
    await makeAvailable('user-ada');
    const { ContactId } = await startCallback({});
    await settle();
    await streams(`/contacts/${ContactId}/accept`, { UserId: 'user-ada' });
    await pass(2); // busy: after-contact work
    await startCallback({}, 'waiting');
    await putStatus('user-ada', 'agent-status-break');
    const ada = () => connect.instance.users.get('user-ada');
    expect(ada()).toMatchObject({ statusId: 'agent-status-available', nextStatusId: 'agent-status-break' });

    await streams(`/contacts/${ContactId}/clear`, { UserId: 'user-ada' });
    await settle();
    // Out of routing as the slot frees, yet free to place a call from the CCP.
    expect(ada()?.statusId).toBe('agent-status-break');
    expect([...connect.instance.contacts.values()].filter((contact) => contact.phase === 'queued')).toHaveLength(1);
    const placed = await streams('/agents/user-ada/connect', { PhoneNumber: CUSTOMER });
    expect(placed.status).toBe(200);
  });

  it('answers injected faults the way Connect does: 429 ThrottlingException with Retry-After', async () => {
    connect.failNextCalls({ status: 429, count: 1, retryAfterSeconds: 7 });
    const refused = await startCallback({}).catch((error: unknown) => error);
    expect(refused).toMatchObject({ name: 'ThrottlingException', $metadata: { httpStatusCode: 429 }, $response: { headers: { 'retry-after': '7' } } });
    expect(connect.calls()).toEqual([expect.objectContaining({ method: 'PUT', url: '/contact/outbound-voice', status: 429 })]);
    await expect(startCallback({})).resolves.toMatchObject({ ContactId: expect.any(String) });
  });

  it('duplicates, reorders, drops and delays pushes on request', async () => {
    connect.delivery.duplicateNext();
    await startCallback({ callbackInitialDelaySeconds: '10' });
    await settle();
    expect(contactEvents().map((event) => event.eventType)).toEqual(['INITIATED', 'INITIATED']);

    deliveries = [];
    connect.delivery.reorderNext(2);
    await makeAvailable('user-ada');
    await pass(10);
    // The status change and QUEUED arrive swapped; the offer that follows arrives normally.
    expect(pushed().map((event) => event.detail?.eventType ?? 'agent')).toEqual(['QUEUED', 'agent', 'agent']);
    expect(agentStates()).toEqual(['INCOMING']);

    deliveries = [];
    connect.delivery.dropNext(1);
    connect.delivery.delayNext(1, 30);
    await pass(20); // the offer times out: MISSED (dropped), then the cleared CCP (delayed)
    expect(deliveries).toEqual([]);
    await pass(30);
    expect(agentStates()).toEqual([]);
    expect(pushed()).toHaveLength(1);
  });
});
