import { SetPresenceRequest } from '@icc/protocol';
import { IccError } from '@icc/core';
import { Router } from 'express';
import { authenticate } from '../auth/authenticate';
import { isSupervisor, principalOf } from '../auth/principal';
import type { GatewayServices } from '../composition/gateway-services';
import { parseWith } from './parse-with';
import { pathParam } from './path-param';

export function agentsRouter(services: GatewayServices): Router {
  const router = Router();
  const { store, adapter, tokens } = services;
  router.get('/v1/agents', authenticate(tokens), (_req, res) => {
    res.json({ items: store.listAgents() });
  });
  router.put('/v1/agents/:id/presence', authenticate(tokens), async (req, res) => {
    const agentId = pathParam(req, 'id');
    const principal = principalOf(res);
    if (principal.agentId !== agentId && !isSupervisor(principal)) {
      throw new IccError('forbidden', `Only ${agentId} or a supervisor may change ${agentId}'s presence`);
    }
    if (!store.getAgent(agentId)) throw new IccError('not_found', `Agent "${agentId}" does not exist`);
    const { presence } = parseWith(SetPresenceRequest, req.body, 'Presence request');
    await adapter.setPresence(agentId, presence);
    res.json(store.getAgent(agentId));
  });
  return router;
}
