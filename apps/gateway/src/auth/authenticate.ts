import { IccError } from '@icc/core';
import type { Request, RequestHandler } from 'express';
import type { AgentTokens } from './agent-tokens';
import { maySeeSupervisorViews } from './access-policy';
import { principalOf, type Principal } from './principal';

/** The verified principal of `Authorization: Bearer <agent JWT>`; 401 without a valid one. */
export async function verifiedPrincipal(tokens: AgentTokens, req: Request): Promise<Principal> {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new IccError('unauthorized', 'Send Authorization: Bearer <agent token>');
  const claims = await tokens.verify(match[1]);
  return { agentId: claims.sub, role: claims.role, name: claims.name };
}

/** Requires `Authorization: Bearer <agent JWT>` and stores the principal in `res.locals`. */
export function authenticate(tokens: AgentTokens): RequestHandler {
  return async (req, res, next) => {
    res.locals['principal'] = await verifiedPrincipal(tokens, req);
    next();
  };
}

/** Routes declared `access: 'supervisor'` (the access policy's `SUPERVISOR_VIEWS`): else `403 forbidden`. */
export const requireSupervisor: RequestHandler = (_req, res, next) => {
  if (!maySeeSupervisorViews(principalOf(res))) throw new IccError('forbidden', 'Only supervisors may do this');
  next();
};

