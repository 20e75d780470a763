import { AgentCommand, Interaction, InteractionCommandRequest, InteractionList, ListInteractionsQuery } from '@icc/protocol';
import { IccError } from '@icc/core';
import { isSupervisor } from '../auth/principal';
import { parseWith } from '../http/parse-with';
import { IdParams, VENDOR_CALL_ERRORS } from './path-params';
import { defineRoute, jsonBody, reply } from './route-definition';

export const listInteractionsRoute = defineRoute({
  operationId: 'listInteractions',
  method: 'get',
  path: '/v1/interactions',
  summary: 'List interactions (agents: their own)',
  access: 'agent',
  query: ListInteractionsQuery,
  responses: { 200: InteractionList },
  errors: [],
  async handle({ query, principal }, { services }) {
    const scoped = isSupervisor(principal) ? query : { ...query, agentId: principal.agentId };
    return reply(200, { items: await services.store.listInteractions(scoped) });
  },
});

export const getInteractionRoute = defineRoute({
  operationId: 'getInteraction',
  method: 'get',
  path: '/v1/interactions/:id',
  summary: 'One interaction',
  access: 'agent',
  params: IdParams,
  responses: { 200: Interaction },
  errors: ['forbidden', 'not_found'],
  async handle({ params: { id }, principal }, { services }) {
    const interaction = await services.store.getInteraction(id);
    if (!interaction) throw new IccError('not_found', `Interaction ${id} does not exist`);
    await services.access.assertInteraction(principal, id, 'read');
    return reply(200, interaction);
  },
});

export const interactionCommandRoute = defineRoute({
  operationId: 'sendInteractionCommand',
  method: 'post',
  path: '/v1/interactions/:id/commands',
  summary: 'Send an agent command (the alternative to WebSocket command frames)',
  access: 'agent',
  params: IdParams,
  body: jsonBody(InteractionCommandRequest),
  responses: {
    200: {
      schema: Interaction,
      description: 'The interaction after the command',
    },
  },
  errors: ['forbidden', 'not_found', 'invalid_transition', 'capability_unsupported', 'slot_full', ...VENDOR_CALL_ERRORS],
  async handle({ params, body, principal }, { services }) {
    const command = parseWith(AgentCommand, { ...body, interactionId: params.id }, 'Command');
    return reply(200, await services.commands.execute(principal, command));
  },
});

export const interactionRoutes = [listInteractionsRoute, getInteractionRoute, interactionCommandRoute];
