import { Agent, DevTokenRequest, TokenResponse } from '@icc/protocol';
import { IccError } from '@icc/core';
import { z } from 'zod';
import { defineRoute, jsonBody, reply } from './route-definition';

export const devAgentsRoute = defineRoute({
  operationId: 'listDevAgents',
  method: 'get',
  path: '/v1/auth/dev-agents',
  summary: 'Demo agents for the sign-in picker (development only)',
  access: 'public',
  responses: { 200: z.object({ items: z.array(Agent) }) },
  errors: [],
  handle: (_input, { services }) => reply(200, { items: services.store.listAgents() }),
});

export const devTokenRoute = defineRoute({
  operationId: 'devSignIn',
  method: 'post',
  path: '/v1/auth/dev-token',
  summary: 'Sign in as a demo agent (development only)',
  access: 'public',
  body: jsonBody(DevTokenRequest),
  responses: { 200: TokenResponse },
  errors: ['not_found'],
  async handle({ body: { agentId } }, { services }) {
    const agent = services.store.getAgent(agentId);
    if (!agent) throw new IccError('not_found', `Agent "${agentId}" does not exist; GET /v1/auth/dev-agents lists them`);
    const issued = await services.tokens.issue(agent);
    return reply(200, {
      token: issued.token,
      agent,
      expiresAt: issued.expiresAt,
    });
  },
});

export const meRoute = defineRoute({
  operationId: 'me',
  method: 'get',
  path: '/v1/me',
  summary: 'The signed-in agent',
  access: 'agent',
  responses: { 200: Agent },
  errors: [],
  handle({ principal }, { services }) {
    const agent = services.store.getAgent(principal.agentId);
    if (!agent) throw new IccError('unauthorized', `Agent "${principal.agentId}" no longer exists; sign in again`);
    return reply(200, agent);
  },
});

/** Only mounted in development (`devMode`). */
export const devSignInRoutes = [devAgentsRoute, devTokenRoute];
export const authRoutes = [meRoute];
