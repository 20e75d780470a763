import { IccApiError, createIccRestClient, type IccRestClient } from '@icc/client';
import OpenAPIBackend from 'openapi-backend';
import type { Document } from 'openapi-backend';
import { DEMO_QUEUES } from '../../composition/demo-configuration';
import { buildOpenApiDocument } from '../../openapi/build-openapi-document';
import { gatewayRoutes } from '../../routes/gateway-routes';
import { callbackBody } from '../reliability/reliability-fixtures';
import { startTestGateway, TEST_START, type TestGateway } from '../test-gateway';

// Child processes and whole flows on a shared, busy machine.
jest.setTimeout(30_000);

/**
 * `@icc/client` checked against the document: each method is the client of one operation (a method added to the
 * client without an entry here does not compile), and every operation meant for agents' applications has a method.
 */
const CLIENT_OPERATIONS: Record<keyof IccRestClient, string> = {
  signInConfig: 'signInConfig',
  listDevAgents: 'listDevAgents',
  devSignIn: 'devSignIn',
  me: 'me',
  createCallback: 'createCallback',
  getCallback: 'getCallback',
  listCallbacks: 'listCallbacks',
  listCallbackEvents: 'listCallbackEvents',
  updateCallback: 'updateCallback',
  cancelCallback: 'cancelCallback',
  rescheduleCallback: 'rescheduleCallback',
  getQueuePosition: 'getCallbackPosition',
  listQueues: 'listQueues',
  getQueue: 'getQueue',
  listQueueRevisions: 'listQueueRevisions',
  getQueueVersion: 'getQueueVersion',
  listQueueSlots: 'listQueueSlots',
  createQueue: 'createQueue',
  replaceQueue: 'replaceQueue',
  updateQueue: 'updateQueue',
  removeQueue: 'removeQueue',
  getQueueStats: 'listQueueStats',
  getQueueHistory: 'getQueueHistory',
  listMissedOffers: 'listMissedOffers',
  listAgents: 'listAgents',
  setPresence: 'setPresence',
  getVendor: 'getVendor',
  listInteractions: 'listInteractions',
  getInteraction: 'getInteraction',
  sendCommand: 'sendInteractionCommand',
};

/** Operations for vendors, operators and development tools, not for agents' applications. */
const NOT_FOR_THE_CLIENT = [
  'receiveVendorEvents',
  'health',
  'readiness',
  'clusterStatus',
  'metrics',
  'openApiDocument',
  'setTelephonyBehaviour',
  'advanceClock',
  'devMemory',
  // Webhook subscriptions are an integrator's set-up (docs/webhooks-out.md), not an agent application's.
  'createWebhookSubscription',
  'listWebhookSubscriptions',
  'getWebhookSubscription',
  'deleteWebhookSubscription',
  'listWebhookDeadLetters',
  // The customer status page is the customer's, reached with a per-callback token, not an agent's.
  'getCustomerCallbackStatus',
  'cancelCallbackAsCustomer',
  'listCustomerCallbackSlots',
  'moveCallbackAsCustomer',
  'redeliverWebhookDeadLetter',
  'replayWebhookDeliveries',
];

const document = JSON.parse(JSON.stringify(buildOpenApiDocument(gatewayRoutes({ devMode: true })))) as Document;

function operationIds(): string[] {
  return Object.values(document.paths ?? {}).flatMap((item) =>
    Object.values(item ?? {}).flatMap((operation) =>
      typeof operation === 'object' && operation && 'operationId' in operation ? [String(operation.operationId)] : [],
    ),
  );
}

describe('@icc/client against the OpenAPI document', () => {
  it('has one method per operation meant for agents’ applications, and no method without an operation', () => {
    const clientOperations = Object.values(CLIENT_OPERATIONS);
    expect(new Set(clientOperations).size).toBe(clientOperations.length);
    expect([...clientOperations, ...NOT_FOR_THE_CLIENT].sort()).toEqual(operationIds().sort());
  });

  describe('calling every method against a gateway', () => {
    let t: TestGateway;
    let api: OpenAPIBackend;
    const sent: Array<{ method: string; url: URL; status: number }> = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      sent.push({ method: init?.method ?? 'GET', url: new URL(String(input)), status: response.status });
      return response;
    };
    const clientAs = async (agentId: string) => {
      const { token } = await t.anonymous.devSignIn(agentId);
      return createIccRestClient({ baseUrl: t.url, getToken: () => token, fetch: recordingFetch });
    };

    beforeAll(async () => {
      api = await new OpenAPIBackend({ definition: document, quick: true }).init();
      t = await startTestGateway();
    });
    afterAll(async () => {
      await t.close();
    });

    it('sends each method to its operation, with a status the operation declares and a body the client accepts', async () => {
      const anonymous = createIccRestClient({ baseUrl: t.url, fetch: recordingFetch });
      const ada = await clientAs('agent-ada');
      const sam = await clientAs('supervisor-sam');
      const inAnHour = new Date(Date.parse(TEST_START) + 3_600_000).toISOString();
      const calls: Record<keyof IccRestClient, () => Promise<unknown>> = {
        signInConfig: () => anonymous.signInConfig(),
        listDevAgents: () => anonymous.listDevAgents(),
        devSignIn: () => anonymous.devSignIn('agent-alan'),
        me: () => ada.me(),
        setPresence: () => ada.setPresence('agent-ada', 'available'),
        createCallback: () => anonymous.createCallback(callbackBody(1), { idempotencyKey: 'contract-1' }),
        getCallback: async () => sam.getCallback((await sam.listCallbacks()).items[0]?.number ?? '?'),
        listCallbacks: () => sam.listCallbacks({ limit: 10 }),
        listCallbackEvents: async () => sam.listCallbackEvents(await firstCallbackId(sam)),
        updateCallback: async () => sam.updateCallback(await firstCallbackId(sam), { shortDescription: 'Contract check' }),
        getQueuePosition: async () => sam.getQueuePosition(await firstCallbackId(sam)),
        sendCommand: async () => ada.sendCommand((await ada.listInteractions({ state: 'offered' }))[0]?.id ?? '?', { type: 'accept' }),
        rescheduleCallback: async () => {
          const { callback } = await anonymous.createCallback(callbackBody(2, { schedule: { type: 'scheduled', start: inAnHour } }));
          return sam.rescheduleCallback(callback.id, { start: new Date(Date.parse(inAnHour) + 3_600_000).toISOString() });
        },
        cancelCallback: async () => {
          const { callback } = await anonymous.createCallback(callbackBody(3, { schedule: { type: 'scheduled', start: inAnHour } }));
          return sam.cancelCallback(callback.id, { reason: 'Contract check' });
        },
        listQueues: () => ada.listQueues(),
        createQueue: () => sam.createQueue({ ...(DEMO_QUEUES[1] as (typeof DEMO_QUEUES)[number]), id: 'contract-queue' }),
        getQueue: () => ada.getQueue('contract-queue'),
        replaceQueue: async () => {
          const { id: _id, version, ...settings } = await sam.getQueue('contract-queue');
          return sam.replaceQueue('contract-queue', { ...settings, name: 'Contract queue' }, version ?? 1);
        },
        updateQueue: async () => sam.updateQueue('contract-queue', { pacing: 2 }, (await sam.getQueue('contract-queue')).version ?? 1),
        listQueueRevisions: () => ada.listQueueRevisions('contract-queue'),
        getQueueVersion: () => ada.getQueueVersion('contract-queue', 1),
        listQueueSlots: () => ada.listQueueSlots('contract-queue', { from: '2026-03-11T09:00:00Z', to: '2026-03-11T10:00:00Z' }),
        removeQueue: async () => sam.removeQueue('contract-queue', (await sam.getQueue('contract-queue')).version ?? 1),
        getQueueStats: () => sam.getQueueStats(),
        getQueueHistory: () => sam.getQueueHistory({ minutes: 5 }),
        listMissedOffers: () => sam.listMissedOffers({ reason: 'timeout' }),
        listAgents: () => ada.listAgents(),
        getVendor: () => ada.getVendor(),
        listInteractions: () => sam.listInteractions({ open: 'true' }),
        getInteraction: async () => sam.getInteraction((await sam.listInteractions())[0]?.id ?? '?'),
      };
      for (const [method, call] of Object.entries(calls) as Array<[keyof IccRestClient, () => Promise<unknown>]>) {
        sent.length = 0;
        // Resolving means the client's own schema accepted the body; the audit checks the same body against the document.
        const outcome = await call().then(
          () => 'resolved',
          (error: unknown) => (error instanceof IccApiError ? `${error.status} ${error.code}: ${error.message}` : String(error)),
        );
        expect({ method, outcome }).toEqual({ method, outcome: 'resolved' });
        const request = sent.at(-1);
        if (!request) throw new Error(`${method} sent nothing`);
        const operation = api.matchOperation({
          method: request.method,
          path: request.url.pathname,
          query: request.url.search,
          headers: {},
        });
        expect({ method, operationId: operation?.operationId }).toEqual({ method, operationId: CLIENT_OPERATIONS[method] });
        expect(Object.keys(operation?.responses ?? {})).toContain(String(request.status));
      }
    });
  });
});

async function firstCallbackId(client: IccRestClient): Promise<string> {
  return (await client.listCallbacks({ limit: 1 })).items[0]?.id ?? '?';
}
