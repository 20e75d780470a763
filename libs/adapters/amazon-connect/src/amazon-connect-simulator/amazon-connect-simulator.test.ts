import { ConnectClient, DismissUserContactCommand, PutUserStatusCommand, StartTaskContactCommand, StopContactCommand } from '@aws-sdk/client-connect';
import { verifyWebhookSignature } from '@icc/adapter-kit';
import { createFakeClock, type FakeClock } from '@icc/core';
import { createAmazonConnectSimulator, type AmazonConnectSimulator } from './amazon-connect-simulator';
import { connectErrorStatus } from '../testing/connect-model-contract';
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
  const startCallback = (attributes: Record<string, string>, clientToken?: string, scheduledAt?: number) =>
    client.send(
      new StartTaskContactCommand({
        InstanceId: connect.instance.settings.instanceId,
        ContactFlowId: 'callback-task-flow',
        Name: 'Callback CB-1',
        Attributes: { iccConnectQueueId: 'queue-support', ...attributes },
        ...(clientToken !== undefined ? { ClientToken: clientToken } : {}),
        ...(scheduledAt !== undefined ? { ScheduledTime: new Date(scheduledAt) } : {}),
      }),
    );
  /** Accepts the alerting task for Ada, completes it, and places her call to the customer. */
  async function acceptAndCall(taskId: string): Promise<string> {
    await streams(`/contacts/${taskId}/accept`, { UserId: 'user-ada' });
    await streams(`/contacts/${taskId}/clear`, { UserId: 'user-ada' });
    const placed = (await (await streams('/agents/user-ada/connect', { PhoneNumber: CUSTOMER, RelatedContactId: taskId })).json()) as { ContactId: string };
    await settle();
    return placed.ContactId;
  }
  const putStatus = (userId: string, statusId: string) =>
    client.send(new PutUserStatusCommand({ InstanceId: connect.instance.settings.instanceId, UserId: userId, AgentStatusId: statusId }));
  const makeAvailable = (userId: string) => putStatus(userId, 'agent-status-available');
  const dismiss = (userId: string, contactId: string) =>
    client.send(new DismissUserContactCommand({ InstanceId: connect.instance.settings.instanceId, UserId: userId, ContactId: contactId }));

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

  it('queues a task at its ScheduledTime, and starts it once per ClientToken for the 7 days the token is valid', async () => {
    const first = await startCallback({}, 'token-1', clock.now() + 120_000);
    const again = await startCallback({}, 'token-1', clock.now() + 120_000);
    expect(again.ContactId).toBe(first.ContactId);
    expect(connect.instance.contacts.size).toBe(1);
    await settle();
    expect(contactEvents().map((event) => event.eventType)).toEqual(['INITIATED']);
    await pass(119);
    expect(contactEvents().map((event) => event.eventType)).toEqual(['INITIATED']);
    await pass(1);
    expect(contactEvents().map((event) => event.eventType)).toEqual(['INITIATED', 'QUEUED']);
    clock.advance(7 * 24 * 3600 * 1000);
    const afterAWeek = await startCallback({}, 'token-1');
    expect(afterAWeek.ContactId).not.toBe(first.ContactId);
  });

  it('refuses a ScheduledTime more than 6 days ahead; StopContact of an ended contact is ContactNotFoundException, HTTP 410 as in the model', async () => {
    await expect(startCallback({}, undefined, clock.now() + 7 * 24 * 3600 * 1000)).rejects.toMatchObject({ name: 'InvalidParameterException', $metadata: { httpStatusCode: 400 } });
    const { ContactId } = await startCallback({});
    const stop = () => client.send(new StopContactCommand({ InstanceId: connect.instance.settings.instanceId, ContactId }));
    await stop();
    await expect(stop()).rejects.toMatchObject({ name: 'ContactNotFoundException', $metadata: { httpStatusCode: connectErrorStatus('ContactNotFoundException') } });
  });

  it('expires a task nobody took after 7 days (EXPIRED)', async () => {
    await startCallback({});
    await settle();
    clock.advance(7 * 24 * 3600 * 1000);
    await settle();
    expect(contactEvents().at(-2)).toMatchObject({ eventType: 'DISCONNECTED' });
    expect([...connect.instance.contacts.values()][0]).toMatchObject({ phase: 'completed', disconnectReason: 'EXPIRED' });
  });

  it('offers to the agent available longest, moves on when the alert times out, and signs every push', async () => {
    await makeAvailable('user-ada');
    await pass(5);
    await makeAvailable('user-grace');
    await startCallback({});
    await settle();
    expect(pushed().at(-1)?.AgentARN).toMatch(/\/agent\/user-ada$/);
    expect(agentStates().at(-1)).toBe('CONNECTING');
    await pass(20);
    expect(agentStates().slice(-2)).toEqual(['MISSED', 'CONNECTING']);
    expect(pushed().at(-1)?.AgentARN).toMatch(/\/agent\/user-grace$/);
    for (const delivery of deliveries) {
      const check = { secret: SECRET, rawBody: delivery.rawBody, signaturePrefix: 'v1=' };
      expect(() => verifyWebhookSignature({ ...check, timestampHeader: delivery.headers['x-icc-timestamp'], signatureHeader: delivery.headers['x-icc-signature'] })).not.toThrow();
    }
  });

  it('connects an accepted task to the agent and dials nobody; the call the agent places ends TELECOM_TIMEOUT when unanswered', async () => {
    connect.scriptCustomer(CUSTOMER, [{ kind: 'no-answer' }]);
    await makeAvailable('user-ada');
    const { ContactId } = await startCallback({});
    await settle();
    await streams(`/contacts/${ContactId}/accept`, { UserId: 'user-ada' });
    await pass(120);
    expect(contactEvents().map((event) => event.eventType)).toEqual(['INITIATED', 'QUEUED', 'CONNECTED_TO_AGENT']);
    expect(agentStates().at(-1)).toBe('CONNECTED');
    await streams(`/contacts/${ContactId}/clear`, { UserId: 'user-ada' });
    const placed = (await (await streams('/agents/user-ada/connect', { PhoneNumber: CUSTOMER, RelatedContactId: ContactId })).json()) as { ContactId: string };
    await pass(60);
    expect(connect.instance.contacts.get(placed.ContactId)).toMatchObject({ channel: 'VOICE', relatedContactId: ContactId, disconnectReason: 'TELECOM_TIMEOUT' });
    expect(connect.instance.contacts.get(ContactId as string)).toMatchObject({ channel: 'TASK', disconnectReason: 'AGENT_COMPLETED' });
  });

  it('makes a status put while the agent handles a contact their next status, applied as the contact is cleared', async () => {
    connect.scriptCustomer(CUSTOMER, [{ kind: 'busy' }]);
    await makeAvailable('user-ada');
    const task = await startCallback({});
    await settle();
    const ContactId = await acceptAndCall(task.ContactId as string);
    await pass(2); // busy: after-contact work
    expect(connect.instance.contacts.get(ContactId)).toMatchObject({ disconnectReason: 'TELECOM_BUSY' });
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
    expect(connect.calls()).toEqual([expect.objectContaining({ method: 'PUT', url: '/contact/task', status: 429 })]);
    await expect(startCallback({})).resolves.toMatchObject({ ContactId: expect.any(String) });
  });

  it('keeps an agent who let the offer time out out of routing, MISSED on the CCP, until DismissUserContact; then offers again', async () => {
    await makeAvailable('user-ada');
    const { ContactId } = await startCallback({});
    await pass(20);
    expect(agentStates().slice(-1)).toEqual(['MISSED']);
    await pass(60);
    expect(connect.instance.contacts.get(ContactId as string)?.phase).toBe('queued');
    await expect(dismiss('user-ada', 'contact-not-missed')).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await dismiss('user-ada', ContactId as string);
    await settle();
    expect(agentStates().slice(-1)).toEqual(['CONNECTING']);
    expect(connect.instance.contacts.get(ContactId as string)).toMatchObject({ phase: 'alerting', userId: 'user-ada' });
  });

  it('duplicates, reorders, drops and delays pushes on request', async () => {
    connect.delivery.duplicateNext();
    await startCallback({}, undefined, clock.now() + 10_000);
    await settle();
    expect(contactEvents().map((event) => event.eventType)).toEqual(['INITIATED', 'INITIATED']);

    deliveries = [];
    connect.delivery.reorderNext(2);
    await makeAvailable('user-ada');
    await pass(10);
    // The status change and QUEUED arrive swapped; the offer that follows arrives normally.
    expect(pushed().map((event) => event.detail?.eventType ?? 'agent')).toEqual(['QUEUED', 'agent', 'agent']);
    expect(agentStates()).toEqual(['CONNECTING']);

    deliveries = [];
    connect.delivery.delayNext(1, 30);
    await pass(20); // the offer times out: MISSED stays on the CCP (delayed)
    expect(deliveries).toEqual([]);
    await pass(30);
    expect(agentStates()).toEqual(['MISSED']);
    expect(pushed()).toHaveLength(1);

    deliveries = [];
    connect.delivery.dropNext(1);
    await dismiss('user-ada', connect.instance.users.get('user-ada')?.missed?.contactId ?? '');
    await pass(1); // dismissed (dropped); the contact is offered again (delivered)
    expect(agentStates()).toEqual(['CONNECTING']);
  });
});
