import { Router } from 'express';
import { authenticate, requireSupervisorView } from '../auth/authenticate';
import type { GatewayServices } from '../composition/gateway-services';

export function queuesRouter(services: GatewayServices): Router {
  const router = Router();
  const { store, clock, tokens, adapter } = services;
  const requireAgent = authenticate(tokens);
  router.get('/v1/queues', requireAgent, (_req, res) => {
    res.json({ items: store.listQueues() });
  });
  router.get('/v1/queues/stats', requireAgent, requireSupervisorView('queue-stats'), (_req, res) => {
    res.json({ items: store.queueStats(clock.now()) });
  });
  router.get('/v1/vendor', requireAgent, (_req, res) => {
    res.json({ vendor: adapter.vendor, capabilities: adapter.capabilities });
  });
  return router;
}
