import { IccError } from '@icc/core';
import type { RequestHandler } from 'express';
import type { AgentTokens } from './agent-tokens';
import { maySeeSupervisorView, type SupervisorView } from './access-policy';
import { principalOf } from './principal';

/** Requires `Authorization: Bearer <agent JWT>` and stores the principal in `res.locals`. */
export function authenticate(tokens: AgentTokens): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new IccError('unauthorized', 'Send Authorization: Bearer <agent token>');
    const claims = await tokens.verify(match[1]);
    res.locals['principal'] = { agentId: claims.sub, role: claims.role, name: claims.name };
    next();
  };
}

/** A view of `SUPERVISOR_VIEWS`: answered as the access policy says, else `403 forbidden`. */
export function requireSupervisorView(view: SupervisorView): RequestHandler {
  return (_req, res, next) => {
    if (!maySeeSupervisorView(principalOf(res), view)) throw new IccError('forbidden', `Only supervisors may see ${view}`);
    next();
  };
}
