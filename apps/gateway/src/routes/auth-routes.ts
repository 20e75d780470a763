import { Agent, DevTokenRequest, SignInConfig, TokenResponse } from '@icc/protocol';
import { IccError } from '@icc/core';
import { z } from 'zod';
import { defineRoute, jsonBody, reply } from './route-definition';

export const signInConfigRoute = defineRoute({
  operationId: 'signInConfig',
  method: 'get',
  path: '/v1/auth/config',
  summary: 'Which sign-in this deployment offers: dev sign-in, and the OpenID Connect provider (read by the workspace at start)',
  access: 'public',
  responses: { 200: SignInConfig },
  errors: [],
  handle(_input, { services: { devMode, oidc } }) {
    const config = { devSignIn: devMode, ...(oidc ? { oidc: { issuer: oidc.issuer, clientId: oidc.clientId, scopes: oidc.scopes } } : {}) };
    // Read at every start of the workspace: a reconfigured gateway must not be hidden by a cache.
    return reply(200, config, { 'cache-control': 'no-cache' });
  },
});

export const devAgentsRoute = defineRoute({
  operationId: 'listDevAgents',
  method: 'get',
  path: '/v1/auth/dev-agents',
  summary: 'Demo agents for the sign-in picker (development only)',
  access: 'public',
  responses: { 200: z.object({ items: z.array(Agent) }) },
  errors: [],
  handle: async (_input, { services }) => reply(200, { items: await services.store.listAgents() }),
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
    const agent = await services.store.getAgent(agentId);
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
  async handle({ principal }, { services }) {
    const agent = await services.store.getAgent(principal.agentId);
    if (!agent) throw new IccError('unauthorized', `Agent "${principal.agentId}" no longer exists; sign in again`);
    // The token's role is the one every route applies (an identity provider may grant supervisor).
    return reply(200, { ...agent, role: principal.role });
  },
});

/** Only mounted in development (`devMode`). */
export const devSignInRoutes = [devAgentsRoute, devTokenRoute];
export const authRoutes = [signInConfigRoute, meRoute];
