import type { Models } from 'purecloud-platform-client-v2';
import { SIMULATOR_REQUEST_SCHEMAS } from './genesys-simulator/simulator-request-schemas';
import { rawCall, requestExampleCallback, startSandbox, type StartedSandbox } from './genesys-simulator/genesys-sandbox.test-support';

/**
 * Where the adapter and its simulator used to agree with each other but not with Genesys (issue
 * 14): each case is the published behaviour, checked on the simulator's wire and on what the
 * adapter makes of it.
 */

async function offeredToAda(sandbox: StartedSandbox) {
  await sandbox.adapter.setPresence(sandbox.world.agents.ada.id, 'available');
  await requestExampleCallback(sandbox);
  await sandbox.settle();
  expect(sandbox.sink.interaction('ix-1')).toMatchObject({ state: 'offered' });
  return sandbox.sink.interaction('ix-1')?.vendorRef as string;
}

const agentOf = (conversation: Models.Conversation | undefined) => conversation?.participants.find((participant) => participant.purpose === 'agent');

describe('the Genesys wire as Genesys publishes it', () => {
  let sandbox: StartedSandbox;
  afterEach(() => sandbox.shutdown());

  it('an offer left alerting is disconnected by the system and read as a timeout, not a rejection', async () => {
    sandbox = await startSandbox();
    const conversationId = await offeredToAda(sandbox);
    sandbox.world.clock.advance(sandbox.world.queues.manual.offerTimeoutSeconds * 1000);
    await sandbox.settle();
    expect(agentOf(sandbox.simulator.conversation(conversationId))?.callbacks?.[0]).toMatchObject({ state: 'disconnected', disconnectType: 'system' });
    expect(sandbox.sink.events.find((event) => event.type === 'interaction.offer-declined')).toMatchObject({ cause: 'timeout' });
  });

  it('an offer the agent declines is disconnected by the client and read as a rejection', async () => {
    sandbox = await startSandbox();
    const conversationId = await offeredToAda(sandbox);
    await sandbox.adapter.execute(sandbox.world.agents.ada.id, { type: 'reject', interactionId: 'ix-1' });
    await sandbox.settle();
    expect(agentOf(sandbox.simulator.conversation(conversationId))?.callbacks?.[0]).toMatchObject({ disconnectType: 'client' });
    expect(sandbox.sink.events.find((event) => event.type === 'interaction.offer-declined')).toMatchObject({ cause: 'rejected' });
  });

  it('a reschedule names an agent: the integration user for the API, the agent for their own', async () => {
    sandbox = await startSandbox();
    await requestExampleCallback(sandbox);
    await sandbox.settle();
    await sandbox.adapter.reschedule('cb-1', { start: new Date(sandbox.world.clock.now() + 3_600_000).toISOString() }, 'api');
    const patches = () => sandbox.simulator.requests().filter((request) => request.endpoint === 'PATCH /api/v2/conversations/callbacks');
    expect(patches()[0]).toMatchObject({ issues: [], body: { agentId: sandbox.config.rescheduleUserId } });

    const conversationId = sandbox.sink.interaction('ix-1')?.vendorRef;
    const refused = await rawCall(sandbox, 'PATCH', '/api/v2/conversations/callbacks', { conversationId, callbackScheduledTime: new Date(sandbox.world.clock.now() + 7_200_000).toISOString() });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      status: 400,
      code: 'bad.request',
      message: expect.stringContaining('agentId'),
      messageWithParams: expect.any(String),
      contextId: expect.any(String),
      details: [expect.objectContaining({ fieldName: 'agentId' })],
    } satisfies Models.ErrorBody);
  });

  it('an agent rescheduling names their own Genesys user', async () => {
    sandbox = await startSandbox();
    await offeredToAda(sandbox);
    await sandbox.adapter.execute(sandbox.world.agents.ada.id, { type: 'accept', interactionId: 'ix-1' });
    await sandbox.settle();
    await sandbox.adapter.execute(sandbox.world.agents.ada.id, { type: 'reschedule', interactionId: 'ix-1', start: new Date(sandbox.world.clock.now() + 3_600_000).toISOString() });
    const patch = sandbox.simulator.requests().find((request) => request.endpoint === 'PATCH /api/v2/conversations/callbacks');
    expect(patch).toMatchObject({ issues: [], body: { agentId: sandbox.config.userMap[sandbox.world.agents.ada.id] } });
  });

  it('a conversation is a Conversation: startTime, uppercase recordingState on GET, lowercase on the topic; callbacks outbound with initialState, the customer on the queue', async () => {
    sandbox = await startSandbox();
    await requestExampleCallback(sandbox);
    await sandbox.settle();
    const conversationId = sandbox.sink.interaction('ix-1')?.vendorRef as string;
    const read = await rawCall(sandbox, 'GET', `/api/v2/conversations/${conversationId}`);
    const conversation = read.body as Models.Conversation;
    expect(conversation).toMatchObject({ id: conversationId, startTime: expect.any(String), recordingState: 'NONE' });
    const customer = conversation.participants.find((participant) => participant.purpose === 'customer');
    expect(customer).toMatchObject({ queueId: sandbox.config.queueMap[sandbox.world.queues.manual.id] });
    expect(customer?.callbacks?.[0]).toMatchObject({ direction: 'outbound', initialState: 'scheduled' });

    const frames: Array<{ topicName: string; eventBody: Models.QueueConversationEventTopicConversation }> = [];
    const channel = await rawCall(sandbox, 'POST', '/api/v2/notifications/channels');
    const { id: channelId, connectUri } = channel.body as Models.Channel;
    await rawCall(sandbox, 'PUT', `/api/v2/notifications/channels/${channelId}/subscriptions`, [{ id: `v2.routing.queues.${customer?.queueId}.conversations` }]);
    const { WebSocket } = await import('ws');
    const socket = new WebSocket(connectUri as string);
    await new Promise((resolve) => socket.once('open', resolve));
    socket.on('message', (data) => frames.push(JSON.parse(data.toString())));
    await sandbox.adapter.updateCallback('cb-1', { shortDescription: 'Now about the modem' });
    await sandbox.settle();
    socket.close();
    const pushed = frames.find((frame) => frame.topicName.endsWith('.conversations'))?.eventBody;
    expect(pushed).toMatchObject({ id: conversationId, recordingState: 'none' });
    expect(pushed).not.toHaveProperty('startTime');
  });

  it('POST /conversations/calls/{id} answers the Conversation', async () => {
    sandbox = await startSandbox();
    const conversationId = await offeredToAda(sandbox);
    await sandbox.adapter.execute(sandbox.world.agents.ada.id, { type: 'accept', interactionId: 'ix-1' });
    await sandbox.settle();
    const placed = await rawCall(sandbox, 'POST', `/api/v2/conversations/calls/${conversationId}`, { callNumber: sandbox.world.phoneNumbers.primary });
    expect(placed.status).toBe(200);
    expect(placed.body).toMatchObject({ id: conversationId, startTime: expect.any(String), participants: expect.any(Array) });
  });

  it('every 429 carries Retry-After and the code too.many.requests.retry.after', async () => {
    sandbox = await startSandbox();
    sandbox.simulator.controls.failNextVendorCalls({ status: 429, count: 1 });
    const limited = await rawCall(sandbox, 'GET', `/api/v2/routing/queues/${sandbox.config.queueMap[sandbox.world.queues.manual.id]}`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited.body).toMatchObject({ status: 429, code: 'too.many.requests.retry.after' });
  });

  it('accepts the optional fields the models have (callerId, callerIdName, resumeTime) and refuses fields they do not', () => {
    const create = SIMULATOR_REQUEST_SCHEMAS['POST /api/v2/conversations/callbacks'];
    expect(create.safeParse({ queueId: 'q', callbackNumbers: ['+14155552671'], callerId: '+14155550100', callerIdName: 'Support' }).success).toBe(true);
    expect(create.safeParse({ queueId: 'q', callbackNumbers: ['+14155552671'], callbackNumber: '+1' }).success).toBe(false);
    const participant = SIMULATOR_REQUEST_SCHEMAS['PATCH /api/v2/conversations/calls/{conversationId}/participants/{participantId}'];
    expect(participant.safeParse({ held: false, resumeTime: '2026-03-10T14:06:12.000Z' }).success).toBe(true);
    expect(participant.safeParse({ state: 'parked' }).success).toBe(false);
    expect(SIMULATOR_REQUEST_SCHEMAS['PATCH /api/v2/conversations/callbacks/{conversationId}'].safeParse({ state: 'parked' }).success).toBe(true);
  });

  it('a callback asking for caller id and routing reaches Genesys as CreateCallbackCommand callerId and RoutingData', async () => {
    sandbox = await startSandbox({ config: { skillMap: { routers: 'a3f0c2d1-skill' }, languageMap: { 'de-DE': '5b7e-lang' } } });
    const { world } = sandbox;
    await sandbox.adapter.requestCallback(
      {
        queueId: world.queues.manual.id,
        customer: { firstName: 'Maya', lastName: 'Lindqvist', phoneNumbers: [world.phoneNumbers.primary], timeZone: 'Europe/Berlin', locale: 'de-DE' },
        reason: { code: 'product-issue' },
        shortDescription: 'Router',
        ivrPath: [],
        attributes: {},
        schedule: { type: 'asap' },
        source: 'api',
        callerId: '+14155550100',
        callerIdName: 'Acme Support',
        routing: { skills: ['routers'], language: 'de-DE', priority: 3, preferredAgentIds: [world.agents.grace.id] },
      },
      { callbackId: 'cb-1', interactionId: 'ix-1', number: 'CB0000001' },
    );
    const [create] = sandbox.simulator.requests().filter((request) => request.endpoint === 'POST /api/v2/conversations/callbacks');
    expect(create).toMatchObject({
      issues: [],
      body: {
        callerId: '+14155550100',
        callerIdName: 'Acme Support',
        routingData: { queueId: sandbox.config.queueMap[world.queues.manual.id], skillIds: ['a3f0c2d1-skill'], languageId: '5b7e-lang', priority: 3, preferredAgentIds: [sandbox.config.userMap[world.agents.grace.id]] },
      },
    });
    expect(sandbox.sink.callback('cb-1')).toMatchObject({ callerId: '+14155550100', routing: { priority: 3 } });
  });

  it('a callback transfer is an Attended replace: the sender keeps the callback until the receiver answers, then leaves by transfer', async () => {
    sandbox = await startSandbox();
    const { ada, grace } = sandbox.world.agents;
    const conversationId = await offeredToAda(sandbox);
    await sandbox.adapter.execute(ada.id, { type: 'accept', interactionId: 'ix-1' });
    await sandbox.settle();
    const refused = await rawCall(sandbox, 'POST', `/api/v2/conversations/callbacks/${conversationId}/participants/${agentOf(sandbox.simulator.conversation(conversationId))?.id}/replace`, {
      address: '+14155550100',
    });
    expect(refused).toMatchObject({ status: 400, body: { code: 'bad.request' } });

    await sandbox.adapter.execute(ada.id, { type: 'transfer-callback', interactionId: 'ix-1', target: { kind: 'agent', agentId: grace.id } });
    await sandbox.settle();
    const [replace] = sandbox.simulator.requests().filter((request) => request.endpoint === 'POST /api/v2/conversations/callbacks/{conversationId}/participants/{participantId}/replace' && request.issues.length === 0);
    expect(replace?.body).toEqual({ transferType: 'Attended', userId: sandbox.config.userMap[grace.id] } satisfies Models.TransferRequest);
    const agents = () => sandbox.simulator.conversation(conversationId)?.participants.filter((participant) => participant.purpose === 'agent') ?? [];
    expect(agents()[0]?.callbacks?.[0]).toMatchObject({ state: 'connected' });

    await sandbox.adapter.setPresence(grace.id, 'available');
    await sandbox.settle();
    const receiving = sandbox.sink.interaction('ix-1')?.transfer?.toInteractionId as string;
    await sandbox.adapter.execute(grace.id, { type: 'accept', interactionId: receiving });
    await sandbox.settle();
    expect(agents().map((agent) => agent.callbacks?.[0]?.state)).toEqual(['disconnected', 'connected']);
    expect(agents()[0]?.callbacks?.[0]?.disconnectType).toBe('transfer');
    expect(sandbox.sink.interaction('ix-1')).toMatchObject({ state: 'closed', outcome: 'transferred' });
  });

  it('a reschedule can move the callback to another queue and other numbers (PatchCallbackRequest queueId, callbackNumbers)', async () => {
    sandbox = await startSandbox();
    const { world } = sandbox;
    await requestExampleCallback(sandbox);
    await sandbox.settle();
    const start = new Date(world.clock.now() + 3_600_000).toISOString();
    await sandbox.adapter.reschedule('cb-1', { start, queueId: world.queues.billing.id, phoneNumbers: [world.phoneNumbers.secondary] }, 'api');
    await sandbox.settle();
    const patch = sandbox.simulator.requests().find((request) => request.endpoint === 'PATCH /api/v2/conversations/callbacks');
    expect(patch).toMatchObject({ issues: [], body: { queueId: sandbox.config.queueMap[world.queues.billing.id], callbackNumbers: [world.phoneNumbers.secondary] } });
    expect(sandbox.sink.interaction('ix-1')).toMatchObject({ state: 'scheduled', queueId: world.queues.billing.id, card: { phoneNumbers: [world.phoneNumbers.secondary] } });
    expect(sandbox.sink.callback('cb-1')).toMatchObject({ queueId: world.queues.billing.id, customer: { phoneNumbers: [world.phoneNumbers.secondary] } });
    const customer = sandbox.simulator.conversation(sandbox.sink.interaction('ix-1')?.vendorRef as string)?.participants.find((participant) => participant.purpose === 'customer');
    expect(customer).toMatchObject({ queueId: sandbox.config.queueMap[world.queues.billing.id], callbacks: expect.arrayContaining([expect.objectContaining({ state: 'scheduled', callbackNumbers: [world.phoneNumbers.secondary] })]) });

    for (let minute = 0; minute < 60; minute++) {
      world.clock.advance(60_000);
      await sandbox.settle();
    }
    expect(sandbox.sink.interaction('ix-1')).toMatchObject({ state: 'queued', queueId: world.queues.billing.id });
    await expect(sandbox.adapter.reschedule('cb-1', { start: new Date(world.clock.now() + 60_000).toISOString(), queueId: world.queues.customerFirst.id }, 'api')).rejects.toMatchObject({
      code: 'validation_failed',
      issues: [expect.objectContaining({ path: ['queueId'] })],
    });
    expect(sandbox.sink.violations).toEqual([]);
  });
});
