import { CreateQueueRequest, ReplaceQueueRequest, UpdateQueueRequest } from '@icc/protocol';
import { Router } from 'express';
import { z } from 'zod';
import { authenticate, requireQueueConfiguration, requireSupervisor } from '../auth/authenticate';
import { principalOf } from '../auth/principal';
import type { GatewayServices } from '../composition/gateway-services';
import { ifMatchVersion, setVersionTag } from './if-match-version';
import { parseWith } from './parse-with';
import { pathParam } from './path-param';

const VersionParam = z.coerce.number().int().min(1).max(2 ** 31);

export function queuesRouter(services: GatewayServices): Router {
  const router = Router();
  const { store, clock, tokens, adapter, queues } = services;
  const requireAgent = authenticate(tokens);
  const mayRead = requireQueueConfiguration('read');
  const mayWrite = requireQueueConfiguration('write');

  router.get('/v1/queues', requireAgent, mayRead, (_req, res) => {
    res.json({ items: queues.list() });
  });
  router.get('/v1/queues/stats', requireAgent, requireSupervisor, (_req, res) => {
    res.json({ items: store.queueStats(clock.now()) });
  });
  router.post('/v1/queues', requireAgent, mayWrite, async (req, res) => {
    const request = parseWith(CreateQueueRequest, req.body, 'Queue');
    const created = await queues.create(request, principalOf(res).agentId);
    setVersionTag(res, created.version);
    res.status(201).location(`/v1/queues/${encodeURIComponent(created.id)}`).json(created);
  });
  router.get('/v1/queues/:id', requireAgent, mayRead, (req, res) => {
    const queue = queues.get(pathParam(req, 'id'));
    setVersionTag(res, queue.version);
    res.json(queue);
  });
  router.get('/v1/queues/:id/versions', requireAgent, mayRead, (req, res) => {
    res.json({ items: queues.revisions(pathParam(req, 'id')) });
  });
  router.get('/v1/queues/:id/versions/:version', requireAgent, mayRead, (req, res) => {
    const version = parseWith(VersionParam, pathParam(req, 'version'), 'Version');
    res.json(queues.version(pathParam(req, 'id'), version));
  });
  router.put('/v1/queues/:id', requireAgent, mayWrite, async (req, res) => {
    const expected = ifMatchVersion(req);
    const request = parseWith(ReplaceQueueRequest, req.body, 'Queue');
    const saved = await queues.replace(pathParam(req, 'id'), request, expected, principalOf(res).agentId);
    setVersionTag(res, saved.version);
    res.json(saved);
  });
  router.patch('/v1/queues/:id', requireAgent, mayWrite, async (req, res) => {
    const expected = ifMatchVersion(req);
    const changes = parseWith(UpdateQueueRequest, req.body, 'Queue update');
    const saved = await queues.update(pathParam(req, 'id'), changes, expected, principalOf(res).agentId);
    setVersionTag(res, saved.version);
    res.json(saved);
  });
  router.delete('/v1/queues/:id', requireAgent, mayWrite, async (req, res) => {
    await queues.remove(pathParam(req, 'id'), ifMatchVersion(req), principalOf(res).agentId);
    res.status(204).end();
  });
  router.get('/v1/vendor', requireAgent, (_req, res) => {
    res.json({ vendor: adapter.vendor, capabilities: adapter.capabilities });
  });
  return router;
}
