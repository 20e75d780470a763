import { withVendorQueueSettings } from '@icc/core';
import { Router } from 'express';
import { authenticate, requireSupervisor } from '../auth/authenticate';
import type { GatewayServices } from '../composition/gateway-services';

export function queuesRouter(services: GatewayServices): Router {
  const router = Router();
  const { store, clock, tokens, adapter } = services;
  const requireAgent = authenticate(tokens);
  router.get('/v1/queues', requireAgent, (_req, res) => {
    // Settings the vendor decides (Genesys: the queue's callback media settings) show as they really are.
    res.json({ items: store.listQueues().map((queue) => withVendorQueueSettings(queue, adapter.queueSettings?.(queue.id))) });
  });
  router.get('/v1/queues/stats', requireAgent, requireSupervisor, (_req, res) => {
    res.json({ items: store.queueStats(clock.now()) });
  });
  router.get('/v1/vendor', requireAgent, (_req, res) => {
    res.json({ vendor: adapter.vendor, capabilities: adapter.capabilities });
  });
  return router;
}
