import { AgentCommand, InteractionCommandRequest, ListInteractionsQuery } from '@icc/protocol';
import { IccError } from '@icc/core';
import { Router } from 'express';
import { authenticate } from '../auth/authenticate';
import { isSupervisor, principalOf } from '../auth/principal';
import type { GatewayServices } from '../composition/gateway-services';
import { parseWith } from './parse-with';
import { pathParam } from './path-param';

export function interactionsRouter(services: GatewayServices): Router {
  const router = Router();
  const { store, tokens, access, commands } = services;
  const requireAgent = authenticate(tokens);

  router.get('/v1/interactions', requireAgent, (req, res) => {
    const query = parseWith(ListInteractionsQuery, req.query, 'Interaction query');
    const principal = principalOf(res);
    const scoped = isSupervisor(principal) ? query : { ...query, agentId: principal.agentId };
    res.json({ items: store.listInteractions(scoped) });
  });

  router.get('/v1/interactions/:id', requireAgent, (req, res) => {
    const id = pathParam(req, 'id');
    const interaction = store.getInteraction(id);
    if (!interaction) throw new IccError('not_found', `Interaction ${id} does not exist`);
    access.assertInteraction(principalOf(res), id, 'read');
    res.json(interaction);
  });

  router.post('/v1/interactions/:id/commands', requireAgent, async (req, res) => {
    const body = parseWith(InteractionCommandRequest, req.body, 'Command');
    const command = parseWith(AgentCommand, { ...body, interactionId: pathParam(req, 'id') }, 'Command');
    res.json(await commands.execute(principalOf(res), command));
  });
  return router;
}
