import {
  Callback,
  CallbackEventList,
  CallbackPage,
  CancelCallbackRequest,
  CreateCallbackRequest,
  ListCallbacksQuery,
  QueuePosition,
  RescheduleCallbackRequest,
  UpdateCallbackRequest,
} from '@icc/protocol';
import { assertMayCancel, assertMayKeep, assertMayMove, assertMayReschedule, IccError, placeInLineSince, withVendorQueueSettings } from '@icc/core';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { AccessAction } from '../auth/access-policy';
import { isSupervisor, type Principal } from '../auth/principal';
import type { GatewayServices } from '../composition/gateway-services';
import { verifiedPrincipal } from '../auth/authenticate';
import { callbackEvents } from '../http/callback-events';
import { rateLimitPerClient } from '../http/rate-limit';
import { upcomingCallbacks } from '../http/upcoming-callbacks';
import { IdParams, VENDOR_CALL_ERRORS } from './path-params';
import { defineRoute, jsonBody, type RouteContext, reply } from './route-definition';
import { CUSTOMER_STATUS_TOKEN_HEADERS } from './response-headers';

const refuseWhileShuttingDown =
  ({ services }: RouteContext): RequestHandler =>
  (_req, _res, next) => {
    if (services.lifecycle.isShuttingDown()) throw new IccError('shutting_down', 'The gateway is shutting down; retry shortly');
    next();
  };

async function allowedCallback(services: GatewayServices, idOrNumber: string, principal: Principal, action: AccessAction): Promise<Callback> {
  const callback = await services.store.getCallback(idOrNumber);
  if (!callback) throw new IccError('not_found', `Callback "${idOrNumber}" does not exist`);
  await services.access.assertCallback(principal, callback, action);
  return callback;
}

async function currentInteraction(services: GatewayServices, callback: Callback) {
  const interaction = await services.store.getInteraction(callback.interactionId);
  if (!interaction) throw new IccError('not_found', `Callback ${callback.number} has no interaction`);
  return interaction;
}

/** The callback as stored after a change (it exists: it was found before the change). */
async function storedCallback(services: GatewayServices, id: string): Promise<Callback> {
  const callback = await services.store.getCallback(id);
  if (!callback) throw new IccError('not_found', `Callback "${id}" does not exist`);
  return callback;
}

export const createCallbackRoute = defineRoute({
  operationId: 'createCallback',
  method: 'post',
  path: '/v1/callbacks',
  summary:
    'Request a callback (public intake, rate limited per client IP); keeping it for an agent (assignedAgentId) needs that agent\'s or a supervisor\'s token',
  access: 'public',
  headers: z.object({ 'idempotency-key': z.string().max(255).optional() }),
  body: jsonBody(CreateCallbackRequest),
  responses: {
    201: { schema: Callback, description: 'Created', headers: CUSTOMER_STATUS_TOKEN_HEADERS },
    200: {
      schema: Callback,
      description: "Same Idempotency-Key and body: the existing callback; or, where the queue's duplicates.onDuplicate is update, the open callback of the same number, updated",
    },
  },
  errors: [
    'idempotency_key_invalid',
    'slot_full',
    'duplicate_callback',
    'not_found',
    'idempotency_conflict',
    'capability_unsupported',
    'rate_limited',
    'unauthorized',
    'forbidden',
    ...VENDOR_CALL_ERRORS,
  ],
  before: (context) => [
    refuseWhileShuttingDown(context),
    rateLimitPerClient(context.intakeRateLimit, () => context.services.timerClock.now()),
  ],
  async handle({ body, req }, { services }) {
    // Intake is public; keeping the callback for an agent is not: it needs a token that may do so.
    if (body.assignedAgentId !== undefined) {
      // Refused before the token is asked for when the vendor cannot keep callbacks at all.
      assertMayKeep(body.assignedAgentId, services.adapter.capabilities);
      await services.access.assertMayKeepFor(await verifiedPrincipal(services.tokens, req), body.assignedAgentId, body.queueId);
    }
    const result = await services.intake.create(body, req.header('idempotency-key'));
    // The customer status token goes out once, with the 201; nothing of it is stored.
    return result.outcome === 'created'
      ? reply(201, result.callback, { 'ICC-Status-Token': services.statusTokens.issue(result.callback.id) })
      : reply(200, result.callback);
  },
});

export const listCallbacksRoute = defineRoute({
  operationId: 'listCallbacks',
  method: 'get',
  path: '/v1/callbacks',
  summary: 'List callbacks (agents: the ones they handled; view=upcoming: the waiting work of their queues and the ones kept for them)',
  access: 'agent',
  query: ListCallbacksQuery,
  responses: { 200: CallbackPage },
  errors: [],
  async handle({ query, principal }, { services }) {
    if (query.view === 'upcoming') {
      const mayList = (callback: Callback) => services.access.allowsCallback(principal, callback, 'upcoming');
      const items = await upcomingCallbacks(services.store, await services.access.principalOf(principal), query.limit, mayList);
      return reply(200, { items, nextCursor: null });
    }
    const { view: _none, ...stored } = query;
    return reply(200, await services.store.listCallbacks(isSupervisor(principal) ? stored : { ...stored, agentId: principal.agentId }));
  },
});

export const getCallbackRoute = defineRoute({
  operationId: 'getCallback',
  method: 'get',
  path: '/v1/callbacks/:idOrNumber',
  summary: 'One callback by id or number (CB0000123)',
  access: 'agent',
  params: z.object({ idOrNumber: z.string() }),
  responses: { 200: Callback },
  errors: ['forbidden', 'not_found'],
  async handle({ params, principal }, { services }) {
    return reply(200, await allowedCallback(services, params.idOrNumber, principal, 'read'));
  },
});

export const updateCallbackRoute = defineRoute({
  operationId: 'updateCallback',
  method: 'patch',
  path: '/v1/callbacks/:id',
  summary: 'Update descriptive fields (supervisor / the agent handling it now)',
  access: 'agent',
  params: IdParams,
  body: jsonBody(UpdateCallbackRequest),
  responses: { 200: Callback },
  errors: ['forbidden', 'not_found', 'invalid_transition', ...VENDOR_CALL_ERRORS],
  async handle({ params, body, principal }, { services }) {
    const callback = await allowedCallback(services, params.id, principal, 'change');
    await services.adapter.updateCallback(callback.id, body);
    return reply(200, await storedCallback(services, callback.id));
  },
});

export const cancelCallbackRoute = defineRoute({
  operationId: 'cancelCallback',
  method: 'post',
  path: '/v1/callbacks/:id/cancel',
  summary: 'Cancel (allowed until connected; supervisor / the agent handling it now)',
  access: 'agent',
  params: IdParams,
  body: jsonBody(CancelCallbackRequest, { required: false }),
  responses: { 200: Callback },
  errors: ['forbidden', 'not_found', 'invalid_transition', ...VENDOR_CALL_ERRORS],
  async handle({ params, body, principal }, { services }) {
    const callback = await allowedCallback(services, params.id, principal, 'change');
    assertMayCancel(await currentInteraction(services, callback));
    await services.adapter.cancelCallback(callback.id, 'agent', body.reason);
    return reply(200, await storedCallback(services, callback.id));
  },
});

export const rescheduleCallbackRoute = defineRoute({
  operationId: 'rescheduleCallback',
  method: 'post',
  path: '/v1/callbacks/:id/reschedule',
  summary: 'Reschedule (supervisor / the agent handling it now)',
  access: 'agent',
  params: IdParams,
  body: jsonBody(RescheduleCallbackRequest),
  responses: { 200: Callback },
  errors: ['forbidden', 'not_found', 'invalid_transition', 'capability_unsupported', 'slot_full', ...VENDOR_CALL_ERRORS],
  async handle({ params, body, principal }, { services }) {
    const callback = await allowedCallback(services, params.id, principal, 'change');
    // Keeping it for someone needs `mayKeepFor`; releasing it (null) needs only `change`, checked above.
    if (typeof body.assignedAgentId === 'string') await services.access.assertMayKeepFor(principal, body.assignedAgentId, body.queueId ?? callback.queueId);
    const interaction = await currentInteraction(services, callback);
    assertMayReschedule(interaction, services.adapter.capabilities);
    // A move (another queue, other numbers) only where the vendor can: a vendor that cannot would drop it silently.
    const queue = body.queueId === undefined ? undefined : (await services.store.listQueues()).find((candidate) => candidate.id === body.queueId);
    assertMayMove(body, services.adapter.capabilities, interaction.mode, queue && withVendorQueueSettings(queue, services.adapter.queueSettings?.(queue.id)));
    assertMayKeep(body.assignedAgentId, services.adapter.capabilities);
    const targetQueueId = body.queueId ?? callback.queueId;
    // The seat check and the move it allows happen in one turn of the target queue.
    await services.booking.serialized(targetQueueId, async () => {
      const target = (await services.store.listQueues()).find((candidate) => candidate.id === targetQueueId);
      if (target) await services.booking.assertSeat(target, Date.parse(body.start), callback.id);
      await services.adapter.reschedule(callback.id, body, 'agent');
    });
    return reply(200, await storedCallback(services, callback.id));
  },
});

export const callbackEventsRoute = defineRoute({
  operationId: 'listCallbackEvents',
  method: 'get',
  path: '/v1/callbacks/:id/events',
  summary: "The callback's timeline: every event of every interaction it went through, oldest first (read access)",
  access: 'agent',
  params: IdParams,
  responses: { 200: CallbackEventList },
  errors: ['forbidden', 'not_found'],
  async handle({ params, principal }, { services }) {
    const callback = await allowedCallback(services, params.id, principal, 'read');
    return reply(200, { items: await callbackEvents(services.store, callback) });
  },
});

export const callbackPositionRoute = defineRoute({
  operationId: 'getCallbackPosition',
  method: 'get',
  path: '/v1/callbacks/:id/position',
  summary: 'Queue position and estimated wait',
  access: 'agent',
  params: IdParams,
  responses: { 200: QueuePosition },
  errors: ['not_found'],
  async handle({ params, principal }, { services }) {
    const callback = await allowedCallback(services, params.id, principal, 'position');
    const estimate = await callbackQueuePosition(services, callback);
    return reply(200, {
      callbackId: callback.id,
      queueId: callback.queueId,
      ...estimate,
    });
  },
});

/** Place and estimated wait: the vendor's own when it can tell, else the rank among the queue's waiting interactions. */
export async function callbackQueuePosition(services: GatewayServices, callback: Callback): Promise<Pick<QueuePosition, 'position' | 'estimatedWaitSeconds'>> {
  return services.adapter.queuePosition?.(callback.id) ?? positionAmongQueued(services, callback);
}

/** When the vendor cannot tell: rank among the queue's waiting interactions, longest waiting first. */
async function positionAmongQueued(services: GatewayServices, callback: Callback): Promise<Pick<QueuePosition, 'position' | 'estimatedWaitSeconds'>> {
  const queued = (
    await services.store.listInteractions({
      queueId: callback.queueId,
      state: 'queued',
      limit: 200,
    })
  ).sort((a, b) => placeInLineSince(a) - placeInLineSince(b));
  const index = queued.findIndex((interaction) => interaction.id === callback.interactionId);
  return { position: index < 0 ? null : index + 1, estimatedWaitSeconds: null };
}

export const callbackRoutes = [
  createCallbackRoute,
  listCallbacksRoute,
  getCallbackRoute,
  updateCallbackRoute,
  cancelCallbackRoute,
  rescheduleCallbackRoute,
  callbackEventsRoute,
  callbackPositionRoute,
];
