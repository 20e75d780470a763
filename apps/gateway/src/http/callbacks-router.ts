import {
  CancelCallbackRequest,
  CreateCallbackRequest,
  ListCallbacksQuery,
  RescheduleCallbackRequest,
  UpdateCallbackRequest,
  type Callback,
  type QueuePosition,
} from '@icc/protocol';
import { assertMayCancel, assertMayReschedule, IccError } from '@icc/core';
import { Router, type RequestHandler } from 'express';
import { authenticate } from '../auth/authenticate';
import { assertMaySeeCallback } from '../auth/callback-access';
import { isSupervisor, principalOf } from '../auth/principal';
import type { GatewayServices } from '../composition/gateway-services';
import { parseWith } from './parse-with';
import { rateLimitPerClient } from './rate-limit';
import type { TokenBucketSettings } from './token-bucket';
import { pathParam } from './path-param';

export function callbacksRouter(services: GatewayServices, intakeRateLimit: TokenBucketSettings): Router {
  const router = Router();
  const { store, adapter, intake, tokens, hub } = services;
  const requireAgent = authenticate(tokens);

  const refuseWhileShuttingDown: RequestHandler = (_req, _res, next) => {
    if (services.lifecycle.isShuttingDown()) throw new IccError('shutting_down', 'The gateway is shutting down; retry shortly');
    next();
  };

  const visibleCallback = (idOrNumber: string, res: Parameters<RequestHandler>[1]): Callback => {
    const callback = store.getCallback(idOrNumber);
    if (!callback) throw new IccError('not_found', `Callback "${idOrNumber}" does not exist`);
    assertMaySeeCallback(principalOf(res), callback, hub.timeline);
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
    res.json(visibleCallback(pathParam(req, 'idOrNumber'), res));
  });

  router.patch('/v1/callbacks/:id', requireAgent, async (req, res) => {
    const callback = visibleCallback(pathParam(req, 'id'), res);
    const changes = parseWith(UpdateCallbackRequest, req.body, 'Callback update');
    await adapter.updateCallback(callback.id, changes);
    res.json(store.getCallback(callback.id));
  });

  router.post('/v1/callbacks/:id/cancel', requireAgent, async (req, res) => {
    const callback = visibleCallback(pathParam(req, 'id'), res);
    const { reason } = parseWith(CancelCallbackRequest, req.body ?? {}, 'Cancel request');
    assertMayCancel(currentInteraction(callback));
    await adapter.cancelCallback(callback.id, 'agent', reason);
    res.json(store.getCallback(callback.id));
  });

  router.post('/v1/callbacks/:id/reschedule', requireAgent, async (req, res) => {
    const callback = visibleCallback(pathParam(req, 'id'), res);
    const request = parseWith(RescheduleCallbackRequest, req.body, 'Reschedule request');
    assertMayReschedule(currentInteraction(callback), adapter.capabilities);
    await adapter.reschedule(callback.id, request, 'agent');
    res.json(store.getCallback(callback.id));
  });

  router.get('/v1/callbacks/:id/position', requireAgent, (req, res) => {
    const callback = store.getCallback(pathParam(req, 'id'));
    if (!callback) throw new IccError('not_found', `Callback "${pathParam(req, 'id')}" does not exist`);
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
