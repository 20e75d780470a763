import { z } from 'zod';
import { AgentId } from './identifiers';

/**
 * How the vendor should route a callback, beyond its queue: skills the agent needs, the language
 * spoken, a priority (higher first) and agents to offer it to first (Genesys `RoutingData`).
 */
export const CallbackRouting = z
  .strictObject({
    skills: z.array(z.string().trim().min(1).max(64)).min(1).max(20).optional(),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'Expected a language such as en-US').optional(),
    priority: z.number().int().min(0).max(1000).optional(),
    preferredAgentIds: z.array(AgentId).min(1).max(10).optional(),
  })
  .refine((routing) => Object.keys(routing).length > 0, { message: 'Name at least one routing field' })
  .meta({ id: 'CallbackRouting' });
export type CallbackRouting = z.infer<typeof CallbackRouting>;
