import { Agent, SetPresenceRequest } from '@icc/protocol';
import { IccError } from '@icc/core';
import { z } from 'zod';
import { isSupervisor } from '../auth/principal';
import { IdParams, VENDOR_CALL_ERRORS } from './path-params';
import { defineRoute, jsonBody, reply } from './route-definition';

export const listAgentsRoute = defineRoute({
  operationId: 'listAgents',
  method: 'get',
  path: '/v1/agents',
  summary: 'Agents with presence',
  access: 'agent',
  responses: { 200: z.object({ items: z.array(Agent) }) },
  errors: [],
  handle: async (_input, { services }) => reply(200, { items: await services.store.listAgents() }),
});

export const setPresenceRoute = defineRoute({
  operationId: 'setPresence',
  method: 'put',
  path: '/v1/agents/:id/presence',
  summary: 'Set presence (that agent or a supervisor)',
  access: 'agent',
  params: IdParams,
  body: jsonBody(SetPresenceRequest),
  responses: { 200: Agent },
  errors: ['forbidden', 'not_found', ...VENDOR_CALL_ERRORS],
  async handle({ params: { id: agentId }, body, principal }, { services }) {
    if (principal.agentId !== agentId && !isSupervisor(principal)) {
      throw new IccError('forbidden', `Only ${agentId} or a supervisor may change ${agentId}'s presence`);
    }
    if (!(await services.store.getAgent(agentId))) throw new IccError('not_found', `Agent "${agentId}" does not exist`);
    await services.adapter.setPresence(agentId, body.presence);
    const agent = await services.store.getAgent(agentId);
    if (!agent) throw new IccError('not_found', `Agent "${agentId}" does not exist`);
    return reply(200, agent);
  },
});

export const agentRoutes = [listAgentsRoute, setPresenceRoute];
