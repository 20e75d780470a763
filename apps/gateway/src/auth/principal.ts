import type { AgentRole } from '@icc/protocol';
import { IccError } from '@icc/core';
import type { Response } from 'express';

/** Who is calling: the verified claims of an agent token. */
export interface Principal {
  agentId: string;
  role: AgentRole;
  name: string;
}

export function isSupervisor(principal: Principal): boolean {
  return principal.role === 'supervisor';
}

/** The principal `authenticate` stored on the response; throws when the route forgot to require it. */
export function principalOf(res: Response): Principal {
  const principal = res.locals['principal'] as Principal | undefined;
  if (!principal) throw new IccError('unauthorized', 'Send Authorization: Bearer <agent token>');
  return principal;
}
