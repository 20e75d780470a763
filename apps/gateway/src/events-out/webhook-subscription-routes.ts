import { randomBytes } from 'node:crypto';
import { IccError, type StoredWebhookSubscription } from '@icc/core';
import {
  CreatedWebhookSubscription,
  CreateWebhookSubscriptionRequest,
  EventSeq,
  ReplayWebhookRequest,
  WebhookDeadLetterList,
  WebhookSubscription,
  WebhookSubscriptionId,
  WebhookSubscriptionList,
  type WebhookSubscription as WebhookSubscriptionView,
} from '@icc/protocol';
import { z } from 'zod';
import type { GatewayServices } from '../composition/gateway-services';
import { defineRoute, jsonBody, reply } from '../routes/route-definition';
import { checkEndpointUrl } from './endpoint-policy';

const SubscriptionParams = z.object({ subscriptionId: WebhookSubscriptionId });
const DeadLetterParams = SubscriptionParams.extend({ seq: z.coerce.number().pipe(EventSeq) });
const WRITE_ERRORS = ['storage_unavailable', 'shutting_down'] as const;

function webhooksOf(services: GatewayServices) {
  if (!services.webhooksOut) throw new IccError('not_found', 'Outgoing webhooks are not running on this gateway');
  return services.webhooksOut;
}

async function found(services: GatewayServices, id: string): Promise<StoredWebhookSubscription> {
  const subscription = await services.store.webhookSubscriptions.get(id);
  if (!subscription) throw new IccError('not_found', `No webhook subscription ${id}`);
  return subscription;
}

/** What the API shows of a subscription: never its secret. */
async function view(services: GatewayServices, subscription: StoredWebhookSubscription): Promise<WebhookSubscriptionView> {
  const [counts, headSeq] = await Promise.all([services.store.webhookSubscriptions.counts(subscription.id), services.store.headSeq()]);
  return {
    id: subscription.id,
    url: subscription.url,
    eventTypes: subscription.eventTypes,
    ...(subscription.description === undefined ? {} : { description: subscription.description }),
    createdAt: subscription.createdAt,
    health: {
      pending: counts.pending,
      delivered: counts.delivered,
      deadLettered: counts.dead,
      lagEvents: Math.max(0, headSeq - subscription.cursorSeq),
    },
  };
}

export const createWebhookSubscriptionRoute = defineRoute({
  operationId: 'createWebhookSubscription',
  method: 'post',
  path: '/v1/webhooks/subscriptions',
  summary: 'Subscribe an HTTPS endpoint to callback and agent events (supervisors); the signing secret is shown once',
  description:
    'Events after the subscription are delivered (docs/webhooks-out.md). The URL must be https and resolve to a public address, ' +
    'unless the gateway allows localhost (ICC_WEBHOOKS_OUT_ALLOW_LOCALHOST) or private networks (ICC_WEBHOOKS_OUT_ALLOW_PRIVATE_NETWORKS).',
  access: 'supervisor',
  body: jsonBody(CreateWebhookSubscriptionRequest),
  responses: { 201: CreatedWebhookSubscription },
  errors: ['not_found', ...WRITE_ERRORS],
  async handle({ body }, { services }) {
    const webhooks = webhooksOf(services);
    await checkEndpointUrl(body.url, webhooks.policy);
    const subscription: StoredWebhookSubscription = {
      id: `whs_${randomBytes(9).toString('base64url')}`,
      url: body.url,
      eventTypes: [...new Set(body.eventTypes)],
      ...(body.description === undefined ? {} : { description: body.description }),
      createdAt: new Date(services.clock.now()).toISOString(),
      secret: `whsec_${randomBytes(32).toString('base64url')}`,
      cursorSeq: await services.store.headSeq(),
    };
    await services.store.webhookSubscriptions.create(subscription);
    webhooks.dispatcher.subscribed();
    return reply(201, { ...(await view(services, subscription)), secret: subscription.secret });
  },
});

export const listWebhookSubscriptionsRoute = defineRoute({
  operationId: 'listWebhookSubscriptions',
  method: 'get',
  path: '/v1/webhooks/subscriptions',
  summary: 'Every webhook subscription with its delivery health (supervisors)',
  access: 'supervisor',
  responses: { 200: WebhookSubscriptionList },
  errors: [],
  handle: async (_input, { services }) => {
    const subscriptions = await services.store.webhookSubscriptions.list();
    return reply(200, { subscriptions: await Promise.all(subscriptions.map((subscription) => view(services, subscription))) });
  },
});

export const getWebhookSubscriptionRoute = defineRoute({
  operationId: 'getWebhookSubscription',
  method: 'get',
  path: '/v1/webhooks/subscriptions/:subscriptionId',
  summary: 'One webhook subscription with its delivery health (supervisors)',
  access: 'supervisor',
  params: SubscriptionParams,
  responses: { 200: WebhookSubscription },
  errors: ['not_found'],
  handle: async ({ params }, { services }) => reply(200, await view(services, await found(services, params.subscriptionId))),
});

export const deleteWebhookSubscriptionRoute = defineRoute({
  operationId: 'deleteWebhookSubscription',
  method: 'delete',
  path: '/v1/webhooks/subscriptions/:subscriptionId',
  summary: 'Stop a webhook subscription; its pending deliveries and dead letters go with it (supervisors)',
  access: 'supervisor',
  params: SubscriptionParams,
  responses: { 200: { schema: WebhookSubscription, description: 'The subscription as it was' } },
  errors: ['not_found', ...WRITE_ERRORS],
  async handle({ params }, { services }) {
    const removed = await view(services, await found(services, params.subscriptionId));
    if (!(await services.store.webhookSubscriptions.remove(params.subscriptionId))) throw new IccError('not_found', `No webhook subscription ${params.subscriptionId}`);
    return reply(200, removed);
  },
});

export const listWebhookDeadLettersRoute = defineRoute({
  operationId: 'listWebhookDeadLetters',
  method: 'get',
  path: '/v1/webhooks/subscriptions/:subscriptionId/dead-letters',
  summary: 'Deliveries that failed every attempt, oldest first (supervisors)',
  access: 'supervisor',
  params: SubscriptionParams,
  query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
  responses: { 200: WebhookDeadLetterList },
  errors: ['not_found'],
  handle: async ({ params, query }, { services }) => {
    await found(services, params.subscriptionId);
    const deadLetters = (await services.store.webhookSubscriptions.deadLetters(params.subscriptionId, query.limit)).map((delivery) => ({
      seq: delivery.seq,
      eventType: delivery.eventType,
      orderKey: delivery.orderKey,
      attempts: delivery.attempts,
      ...(delivery.lastError === undefined ? {} : { lastError: delivery.lastError }),
    }));
    return reply(200, { deadLetters });
  },
});

export const redeliverWebhookRoute = defineRoute({
  operationId: 'redeliverWebhookDeadLetter',
  method: 'post',
  path: '/v1/webhooks/subscriptions/:subscriptionId/dead-letters/:seq/redeliver',
  summary: 'Send a dead letter again, with a fresh set of attempts (supervisors)',
  access: 'supervisor',
  params: DeadLetterParams,
  responses: { 202: z.object({ redelivering: EventSeq }).meta({ id: 'WebhookRedelivery' }) },
  errors: ['not_found', ...WRITE_ERRORS],
  async handle({ params }, { services }) {
    const webhooks = webhooksOf(services);
    await found(services, params.subscriptionId);
    if (!(await services.store.webhookSubscriptions.redeliver(params.subscriptionId, params.seq))) {
      throw new IccError('not_found', `Event ${params.seq} is not a dead letter of ${params.subscriptionId}`);
    }
    webhooks.dispatcher.wake();
    return reply(202, { redelivering: params.seq });
  },
});

export const replayWebhooksRoute = defineRoute({
  operationId: 'replayWebhookDeliveries',
  method: 'post',
  path: '/v1/webhooks/subscriptions/:subscriptionId/replay',
  summary: "Deliver again every event of the subscription from a sequence on, in order (supervisors)",
  access: 'supervisor',
  params: SubscriptionParams,
  body: jsonBody(ReplayWebhookRequest),
  responses: { 202: z.object({ replaying: z.number().int().min(0) }).meta({ id: 'WebhookReplay' }) },
  errors: ['not_found', ...WRITE_ERRORS],
  async handle({ params, body }, { services }) {
    const webhooks = webhooksOf(services);
    await found(services, params.subscriptionId);
    const replaying = await services.store.webhookSubscriptions.replayFrom(params.subscriptionId, body.fromSeq);
    webhooks.dispatcher.wake();
    return reply(202, { replaying });
  },
});

export const webhookSubscriptionRoutes = [
  createWebhookSubscriptionRoute,
  listWebhookSubscriptionsRoute,
  getWebhookSubscriptionRoute,
  deleteWebhookSubscriptionRoute,
  listWebhookDeadLettersRoute,
  redeliverWebhookRoute,
  replayWebhooksRoute,
];
