import {
  CancelCallbackRequest,
  CreateCallbackRequest,
  ListCallbacksQuery,
  RescheduleCallbackRequest,
  UpdateCallbackRequest,
  type Callback,
  type QueuePosition,
} from '@icc/protocol';
import { assertMayCancel, assertMayMove, assertMayReschedule, IccError, withVendorQueueSettings } from '@icc/core';
import { Router, type RequestHandler } from 'express';
import { authenticate } from '../auth/authenticate';
import type { AccessAction } from '../auth/access-policy';
import { isSupervisor, principalOf } from '../auth/principal';
import type { GatewayServices } from '../composition/gateway-services';
import { parseWith } from './parse-with';
import { rateLimitPerClient } from './rate-limit';
import type { TokenBucketSettings } from './token-bucket';
import { pathParam } from './path-param';

export function callbacksRouter(services: GatewayServices, intakeRateLimit: TokenBucketSettings): Router {
  const router = Router();
  const { store, adapter, intake, tokens, access } = services;
  const requireAgent = authenticate(tokens);

  const refuseWhileShuttingDown: RequestHandler = (_req, _res, next) => {
    if (services.lifecycle.isShuttingDown()) throw new IccError('shutting_down', 'The gateway is shutting down; retry shortly');
    next();
  };

  const allowedCallback = (idOrNumber: string, res: Parameters<RequestHandler>[1], action: AccessAction): Callback => {
    const callback = store.getCallback(idOrNumber);
    if (!callback) throw new IccError('not_found', `Callback "${idOrNumber}" does not exist`);
    access.assertCallback(principalOf(res), callback, action);
    return callback;
  };

  const currentInteraction = (callback: Callback) => {
    const interaction = store.getInteraction(callback.interactionId);
    if (!interaction) throw new IccError('not_found', `Callback ${callback.number} has no interaction`);
    return interaction;
  };

  router.post(
    '/v1/callbacks',
    refuseWhileShuttingDown,
    rateLimitPerClient(intakeRateLimit, () => services.timerClock.now()),
    async (req, res) => {
      const request = parseWith(CreateCallbackRequest, req.body, 'Callback request');
      const key = req.header('idempotency-key');
      const result = await intake.create(request, key);
      res.status(result.outcome === 'created' ? 201 : 200).json(result.callback);
    },
  );

  router.get('/v1/callbacks', requireAgent, (req, res) => {
    const query = parseWith(ListCallbacksQuery, req.query, 'Callback query');
    const principal = principalOf(res);
    res.json(store.listCallbacks(isSupervisor(principal) ? query : { ...query, agentId: principal.agentId }));
  });

  router.get('/v1/callbacks/:idOrNumber', requireAgent, (req, res) => {
    res.json(allowedCallback(pathParam(req, 'idOrNumber'), res, 'read'));
  });

  router.patch('/v1/callbacks/:id', requireAgent, async (req, res) => {
    const callback = allowedCallback(pathParam(req, 'id'), res, 'change');
    const changes = parseWith(UpdateCallbackRequest, req.body, 'Callback update');
    await adapter.updateCallback(callback.id, changes);
    res.json(store.getCallback(callback.id));
  });

  router.post('/v1/callbacks/:id/cancel', requireAgent, async (req, res) => {
    const callback = allowedCallback(pathParam(req, 'id'), res, 'change');
    const { reason } = parseWith(CancelCallbackRequest, req.body ?? {}, 'Cancel request');
    assertMayCancel(currentInteraction(callback));
    await adapter.cancelCallback(callback.id, 'agent', reason);
    res.json(store.getCallback(callback.id));
  });

  router.post('/v1/callbacks/:id/reschedule', requireAgent, async (req, res) => {
    const callback = allowedCallback(pathParam(req, 'id'), res, 'change');
    const request = parseWith(RescheduleCallbackRequest, req.body, 'Reschedule request');
    const interaction = currentInteraction(callback);
    assertMayReschedule(interaction, adapter.capabilities);
    const queue = request.queueId === undefined ? undefined : store.listQueues().find((candidate) => candidate.id === request.queueId);
    assertMayMove(request, adapter.capabilities, interaction.mode, queue && withVendorQueueSettings(queue, adapter.queueSettings?.(queue.id)));
    await adapter.reschedule(callback.id, request, 'agent');
    res.json(store.getCallback(callback.id));
  });

  router.get('/v1/callbacks/:id/position', requireAgent, (req, res) => {
    const callback = allowedCallback(pathParam(req, 'id'), res, 'position');
    const estimate = adapter.queuePosition?.(callback.id) ?? positionAmongQueued(callback);
    const answer: QueuePosition = { callbackId: callback.id, queueId: callback.queueId, ...estimate };
    res.json(answer);
  });

  /** When the vendor cannot tell: rank among the queue's waiting interactions, oldest first. */
  function positionAmongQueued(callback: Callback): Pick<QueuePosition, 'position' | 'estimatedWaitSeconds'> {
    const queued = store
      .listInteractions({ queueId: callback.queueId, state: 'queued', limit: 200 })
      .sort((a, b) => Date.parse(a.requestedAt) - Date.parse(b.requestedAt));
    const index = queued.findIndex((interaction) => interaction.id === callback.interactionId);
    return { position: index < 0 ? null : index + 1, estimatedWaitSeconds: null };
  }

  return router;
}
