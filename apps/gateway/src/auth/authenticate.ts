import { IccError } from '@icc/core';
import type { RequestHandler } from 'express';
import type { AgentTokens } from './agent-tokens';
import { isSupervisor, principalOf } from './principal';

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

export const requireSupervisor: RequestHandler = (_req, res, next) => {
  if (!isSupervisor(principalOf(res))) throw new IccError('forbidden', 'Only supervisors may do this');
  next();
};

