import {
  exampleAgent,
  exampleCallback,
  exampleCapabilities,
  exampleCreateCallbackRequest,
  exampleErrorBody,
  exampleInteraction,
  exampleInteractionEvent,
  exampleQueueConfig,
  exampleQueuePosition,
  exampleQueueStats,
} from '@icc/protocol';
import { IccApiError } from './icc-api-error';
import { createIccRestClient, type IccRestClient } from './icc-rest-client';
import { startRecordingHttpServer, type RecordingHttpServer } from './testing/recording-http-server';

const TOKEN = 'agent-jwt';

const SLOT_LIST = {
  queueId: 'q-support',
  timeZone: 'Europe/Paris',
  settings: { minutes: 5, capacity: 100, perHourCap: 1000 },
  items: [{ start: '2026-03-11T09:00:00.000Z', end: '2026-03-11T09:05:00.000Z', localStart: '2026-03-11T10:00+01:00', booked: 2, remaining: 98 }],
};
const QUEUE_HISTORY = {
  from: '2026-03-10T13:30:00.000Z',
  to: '2026-03-10T14:00:00.000Z',
  bucketSeconds: 60,
  serviceLevelSeconds: 300,
  queues: [{ queueId: 'q-support', points: [{ at: '2026-03-10T13:31:00.000Z', depth: 2, oldestWaitSeconds: 30, offered: 1, accepted: 1, missed: 0, serviceLevel: 1 }] }],
};
const MISSED_OFFERS = {
  items: [{ seq: 7, at: '2026-03-10T13:40:00.000Z', agentId: 'agent-ada', queueId: 'q-support', interactionId: 'ix-1', callbackId: 'cb-1', reason: 'timeout' as const }],
  totals: { byAgent: [{ id: 'agent-ada', timeout: 1, rejected: 0 }], byQueue: [{ id: 'q-support', timeout: 1, rejected: 0 }] },
};

describe('createIccRestClient against a real HTTP server', () => {
  let server: RecordingHttpServer;
  let client: IccRestClient;
  let token: string | undefined;

  beforeEach(async () => {
    server = await startRecordingHttpServer();
    token = TOKEN;
    client = createIccRestClient({ baseUrl: `${server.baseUrl}/`, getToken: () => token });
  });

  afterEach(() => server.close());

  function lastRequest() {
    const request = server.requests.at(-1);
    if (!request) throw new Error('no request reached the server');
    return request;
  }

  type Case = {
    name: string;
    call: (client: IccRestClient) => Promise<unknown>;
    method: string;
    url: string;
    body?: unknown;
    answer: unknown;
    expected: unknown;
    /** The If-Match header a versioned write sends. */
    ifMatch?: string;
  };

  const agent = exampleAgent();
  const callback = exampleCallback();
  const interaction = exampleInteraction();
  const { id: _queueId, ...queueSettings } = exampleQueueConfig();
  const queueRevision = { queueId: 'q-support', version: 1, changedAt: '2026-03-10T14:00:00.000Z', changedBy: 'supervisor-sam', removed: false, config: exampleQueueConfig({ version: 1 }) };
  const cases: Case[] = [
    {
      name: 'signInConfig',
      call: (c) => c.signInConfig(),
      method: 'GET',
      url: '/v1/auth/config',
      answer: { devSignIn: false, oidc: { issuer: 'https://login.example.com', clientId: 'icc', scopes: 'openid' } },
      expected: { devSignIn: false, oidc: { issuer: 'https://login.example.com', clientId: 'icc', scopes: 'openid' } },
    },
    { name: 'listDevAgents', call: (c) => c.listDevAgents(), method: 'GET', url: '/v1/auth/dev-agents', answer: { items: [agent] }, expected: [agent] },
    {
      name: 'devSignIn',
      call: (c) => c.devSignIn('agent-ada'),
      method: 'POST',
      url: '/v1/auth/dev-token',
      body: { agentId: 'agent-ada' },
      answer: { token: 't', agent, expiresAt: '2026-03-10T22:00:00Z' },
      expected: { token: 't', agent, expiresAt: '2026-03-10T22:00:00Z' },
    },
    { name: 'me', call: (c) => c.me(), method: 'GET', url: '/v1/me', answer: agent, expected: agent },
    { name: 'getCallback', call: (c) => c.getCallback('CB0000123'), method: 'GET', url: '/v1/callbacks/CB0000123', answer: callback, expected: callback },
    {
      name: 'listCallbacks',
      call: (c) => c.listCallbacks({ queueId: 'q-support', state: 'pending', search: 'Maya L', limit: 10 }),
      method: 'GET',
      url: '/v1/callbacks?queueId=q-support&state=pending&search=Maya+L&limit=10',
      answer: { items: [callback], nextCursor: 'c2' },
      expected: { items: [callback], nextCursor: 'c2' },
    },
    {
      name: 'listCallbackEvents',
      call: (c) => c.listCallbackEvents('CB0000123'),
      method: 'GET',
      url: '/v1/callbacks/CB0000123/events',
      answer: { items: [exampleInteractionEvent('interaction.accepted')] },
      expected: [exampleInteractionEvent('interaction.accepted')],
    },
    {
      name: 'updateCallback',
      call: (c) => c.updateCallback('cb-0001', { notes: 'Prefers mornings' }),
      method: 'PATCH',
      url: '/v1/callbacks/cb-0001',
      body: { notes: 'Prefers mornings' },
      answer: callback,
      expected: callback,
    },
    {
      name: 'cancelCallback',
      call: (c) => c.cancelCallback('cb-0001', { reason: 'Solved by e-mail' }),
      method: 'POST',
      url: '/v1/callbacks/cb-0001/cancel',
      body: { reason: 'Solved by e-mail' },
      answer: { ...callback, state: 'cancelled' },
      expected: { ...callback, state: 'cancelled' },
    },
    {
      name: 'cancelCallback without a body',
      call: (c) => c.cancelCallback('cb-0001'),
      method: 'POST',
      url: '/v1/callbacks/cb-0001/cancel',
      body: {},
      answer: callback,
      expected: callback,
    },
    {
      name: 'rescheduleCallback',
      call: (c) => c.rescheduleCallback('cb-0001', { start: '2026-03-11T16:00:00Z' }),
      method: 'POST',
      url: '/v1/callbacks/cb-0001/reschedule',
      body: { start: '2026-03-11T16:00:00Z' },
      answer: callback,
      expected: callback,
    },
    {
      name: 'getQueuePosition',
      call: (c) => c.getQueuePosition('cb-0001'),
      method: 'GET',
      url: '/v1/callbacks/cb-0001/position',
      answer: exampleQueuePosition(),
      expected: exampleQueuePosition(),
    },
    { name: 'listQueues', call: (c) => c.listQueues(), method: 'GET', url: '/v1/queues', answer: { items: [exampleQueueConfig()] }, expected: [exampleQueueConfig()] },
    { name: 'getQueue', call: (c) => c.getQueue('q support'), method: 'GET', url: '/v1/queues/q%20support', answer: exampleQueueConfig({ version: 2 }), expected: exampleQueueConfig({ version: 2 }) },
    {
      name: 'listQueueRevisions',
      call: (c) => c.listQueueRevisions('q-support'),
      method: 'GET',
      url: '/v1/queues/q-support/versions',
      answer: { items: [queueRevision] },
      expected: [queueRevision],
    },
    { name: 'getQueueVersion', call: (c) => c.getQueueVersion('q-support', 1), method: 'GET', url: '/v1/queues/q-support/versions/1', answer: exampleQueueConfig({ version: 1 }), expected: exampleQueueConfig({ version: 1 }) },
    {
      name: 'listQueueSlots',
      call: (c) => c.listQueueSlots('q-support', { from: '2026-03-11T09:00:00Z', to: '2026-03-11T10:00:00Z' }),
      method: 'GET',
      url: '/v1/queues/q-support/slots?from=2026-03-11T09%3A00%3A00Z&to=2026-03-11T10%3A00%3A00Z',
      answer: SLOT_LIST,
      expected: SLOT_LIST,
    },
    { name: 'createQueue', call: (c) => c.createQueue(exampleQueueConfig()), method: 'POST', url: '/v1/queues', body: exampleQueueConfig(), answer: exampleQueueConfig({ version: 1 }), expected: exampleQueueConfig({ version: 1 }) },
    { name: 'replaceQueue', call: (c) => c.replaceQueue('q-support', queueSettings, 1), method: 'PUT', url: '/v1/queues/q-support', body: queueSettings, answer: exampleQueueConfig({ version: 2 }), expected: exampleQueueConfig({ version: 2 }), ifMatch: '"1"' },
    { name: 'updateQueue', call: (c) => c.updateQueue('q-support', { pacing: 2 }, 2), method: 'PATCH', url: '/v1/queues/q-support', body: { pacing: 2 }, answer: exampleQueueConfig({ version: 3, pacing: 2 }), expected: exampleQueueConfig({ version: 3, pacing: 2 }), ifMatch: '"2"' },
    { name: 'removeQueue', call: (c) => c.removeQueue('q-support', 3), method: 'DELETE', url: '/v1/queues/q-support', answer: { ...queueRevision, version: 4, removed: true }, expected: { ...queueRevision, version: 4, removed: true }, ifMatch: '"3"' },
    { name: 'getQueueStats', call: (c) => c.getQueueStats(), method: 'GET', url: '/v1/queues/stats', answer: { items: [exampleQueueStats()] }, expected: [exampleQueueStats()] },
    {
      name: 'getQueueHistory',
      call: (c) => c.getQueueHistory({ minutes: 30 }),
      method: 'GET',
      url: '/v1/queues/stats/history?minutes=30',
      answer: QUEUE_HISTORY,
      expected: QUEUE_HISTORY,
    },
    {
      name: 'listMissedOffers',
      call: (c) => c.listMissedOffers({ agentId: 'agent-ada', reason: 'timeout' }),
      method: 'GET',
      url: '/v1/offers/missed?agentId=agent-ada&reason=timeout',
      answer: MISSED_OFFERS,
      expected: MISSED_OFFERS,
    },
    { name: 'listAgents', call: (c) => c.listAgents(), method: 'GET', url: '/v1/agents', answer: { items: [agent] }, expected: [agent] },
    {
      name: 'setPresence',
      call: (c) => c.setPresence('agent-ada', 'away'),
      method: 'PUT',
      url: '/v1/agents/agent-ada/presence',
      body: { presence: 'away' },
      answer: { ...agent, presence: 'away' },
      expected: { ...agent, presence: 'away' },
    },
    {
      name: 'getVendor',
      call: (c) => c.getVendor(),
      method: 'GET',
      url: '/v1/vendor',
      answer: { vendor: 'mock', capabilities: exampleCapabilities() },
      expected: { vendor: 'mock', capabilities: exampleCapabilities() },
    },
    { name: 'listInteractions without a query', call: (c) => c.listInteractions(), method: 'GET', url: '/v1/interactions', answer: { items: [interaction] }, expected: [interaction] },
    {
      name: 'listInteractions',
      call: (c) => c.listInteractions({ open: 'true', agentId: 'agent-ada' }),
      method: 'GET',
      url: '/v1/interactions?open=true&agentId=agent-ada',
      answer: { items: [interaction] },
      expected: [interaction],
    },
    { name: 'getInteraction', call: (c) => c.getInteraction('ix-0001'), method: 'GET', url: '/v1/interactions/ix-0001', answer: interaction, expected: interaction },
    {
      name: 'sendCommand',
      call: (c) => c.sendCommand('ix-0001', { type: 'dial', phoneNumber: '+14155552671' }),
      method: 'POST',
      url: '/v1/interactions/ix-0001/commands',
      body: { type: 'dial', phoneNumber: '+14155552671' },
      answer: { ...interaction, state: 'dialing' },
      expected: { ...interaction, state: 'dialing' },
    },
  ];

  it.each(cases)('$name sends $method $url and parses the answer', async ({ call, method, url, body, answer, expected, ifMatch }) => {
    server.respond({ status: 200, body: answer });
    await expect(call(client)).resolves.toEqual(expected);
    const request = lastRequest();
    expect(request.method).toBe(method);
    expect(request.url).toBe(url);
    expect(request.body).toEqual(body);
    expect(request.headers['authorization']).toBe(`Bearer ${TOKEN}`);
    expect(request.headers['accept']).toBe('application/json');
    if (body !== undefined) expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['if-match']).toBe(ifMatch);
  });

  it('covers every method of the client', () => {
    const covered = new Set(cases.map((testCase) => testCase.name.split(' ')[0]));
    covered.add('createCallback');
    expect([...covered].sort()).toEqual(Object.keys(client).sort());
  });

  it('creates a callback with an Idempotency-Key and tells a first creation from a replay', async () => {
    const body = exampleCreateCallbackRequest();
    server.respond({ status: 201, body: exampleCallback() });
    const created = await client.createCallback(body, { idempotencyKey: 'ivr-42' });
    expect(created).toEqual({ callback: exampleCallback(), replayed: false });
    expect(lastRequest()).toMatchObject({ method: 'POST', url: '/v1/callbacks', body });
    expect(lastRequest().headers['idempotency-key']).toBe('ivr-42');

    server.respond({ status: 200, body: exampleCallback() });
    await expect(client.createCallback(body, { idempotencyKey: 'ivr-42' })).resolves.toMatchObject({ replayed: true });
  });

  it('sends no Idempotency-Key or Authorization header when there is none', async () => {
    token = undefined;
    server.respond({ status: 201, body: exampleCallback() });
    await client.createCallback(exampleCreateCallbackRequest());
    expect(lastRequest().headers['idempotency-key']).toBeUndefined();
    expect(lastRequest().headers['authorization']).toBeUndefined();
  });

  it('encodes path segments', async () => {
    server.respond({ status: 200, body: exampleCallback() });
    await client.getCallback('a/b c');
    expect(lastRequest().url).toBe('/v1/callbacks/a%2Fb%20c');
  });

  it('throws IccApiError with the status and ErrorBody of a non-2xx answer', async () => {
    const errorBody = exampleErrorBody({ code: 'idempotency_conflict', message: 'Key ivr-42 was used with another body' });
    server.respond({ status: 409, body: errorBody });
    const error = await client.createCallback(exampleCreateCallbackRequest(), { idempotencyKey: 'ivr-42' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IccApiError);
    expect(error).toMatchObject({ status: 409, code: 'idempotency_conflict', body: errorBody, message: errorBody.message });
  });

  it('keeps validation issues of a 400 answer', async () => {
    const errorBody = {
      code: 'validation_failed',
      message: 'Request is invalid at presence',
      issues: [{ path: ['presence'], message: 'Invalid option', code: 'invalid_value' }],
    };
    server.respond({ status: 400, body: errorBody });
    await expect(client.setPresence('agent-ada', 'away')).rejects.toMatchObject({ status: 400, code: 'validation_failed', body: errorBody });
  });

  it('reports a non-2xx answer without an ErrorBody as http_error with its status', async () => {
    server.respond({ status: 502, raw: { contentType: 'text/html', text: '<h1>Bad gateway</h1>' } });
    await expect(client.me()).rejects.toMatchObject({ status: 502, code: 'http_error' });
  });

  it('rejects a 2xx answer that does not match the contract as invalid_response, naming the field', async () => {
    server.respond({ status: 200, body: { ...exampleAgent(), presence: 'sleeping' } });
    const error = (await client.me().catch((caught: unknown) => caught)) as IccApiError;
    expect(error).toBeInstanceOf(IccApiError);
    expect(error.status).toBe(200);
    expect(error.code).toBe('invalid_response');
    expect(error.message).toContain('presence');
    expect(error.body.issues?.[0]?.path).toEqual(['presence']);
  });

  it('rejects a 2xx answer that is not JSON as invalid_response', async () => {
    server.respond({ status: 200, raw: { contentType: 'text/plain', text: 'ok' } });
    await expect(client.listQueues()).rejects.toMatchObject({ status: 200, code: 'invalid_response' });
  });
});

describe('createIccRestClient when the gateway is unreachable', () => {
  it('throws IccApiError with status 0 and code network_error', async () => {
    const server = await startRecordingHttpServer();
    const baseUrl = server.baseUrl;
    await server.close();
    const client = createIccRestClient({ baseUrl });
    const error = (await client.me().catch((caught: unknown) => caught)) as IccApiError;
    expect(error).toBeInstanceOf(IccApiError);
    expect(error.status).toBe(0);
    expect(error.code).toBe('network_error');
    expect(error.message).toContain('GET');
  });

  it('uses an injected fetch', async () => {
    const fetchMock = jest.fn(async () => new Response(JSON.stringify({ items: [] }), { status: 200 }));
    const client = createIccRestClient({ baseUrl: 'http://gateway.test', fetch: fetchMock });
    await expect(client.listAgents()).resolves.toEqual([]);
    expect(fetchMock).toHaveBeenCalledWith('http://gateway.test/v1/agents', expect.objectContaining({ method: 'GET' }));
  });
});
