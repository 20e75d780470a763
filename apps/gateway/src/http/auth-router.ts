import { DevTokenRequest, type SignInConfig, type TokenResponse } from '@icc/protocol';
import { IccError } from '@icc/core';
import { Router } from 'express';
import { authenticate } from '../auth/authenticate';
import { principalOf } from '../auth/principal';
import type { GatewayServices } from '../composition/gateway-services';
import { parseWith } from './parse-with';

export function authRouter(services: GatewayServices): Router {
  const router = Router();
  const { store, tokens } = services;

  // Public: the workspace asks which sign-in to show, so one build serves every deployment.
  router.get('/v1/auth/config', (_req, res) => {
    const { oidc } = services;
    const config: SignInConfig = {
      devSignIn: services.devMode,
      ...(oidc ? { oidc: { issuer: oidc.issuer, clientId: oidc.clientId, scopes: oidc.scopes } } : {}),
    };
    res.setHeader('Cache-Control', 'no-cache');
    res.json(config);
  });

  if (services.devMode) {
    router.get('/v1/auth/dev-agents', (_req, res) => {
      res.json({ items: store.listAgents() });
    });
    router.post('/v1/auth/dev-token', async (req, res) => {
      const { agentId } = parseWith(DevTokenRequest, req.body ?? {}, 'Dev token request');
      const agent = store.getAgent(agentId);
      if (!agent) throw new IccError('not_found', `Agent "${agentId}" does not exist; GET /v1/auth/dev-agents lists them`);
      const issued = await tokens.issue(agent);
      const answer: TokenResponse = { token: issued.token, agent, expiresAt: issued.expiresAt };
      res.json(answer);
    });
  }

  router.get('/v1/me', authenticate(tokens), (_req, res) => {
    const { agentId, role } = principalOf(res);
    const agent = store.getAgent(agentId);
    if (!agent) throw new IccError('unauthorized', `Agent "${agentId}" no longer exists; sign in again`);
    // The token's role is the one every route applies (an identity provider may grant supervisor).
    res.json({ ...agent, role });
  });
  return router;
}
