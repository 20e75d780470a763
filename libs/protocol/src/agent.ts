import { z } from 'zod';
import { AgentId, QueueId } from './identifiers';
import { Instant } from './instant';
import { Presence } from './presence';

export const AgentRole = z.enum(['agent', 'supervisor']).meta({ id: 'AgentRole' });
export type AgentRole = z.infer<typeof AgentRole>;

export const Agent = z
  .object({
    id: AgentId,
    displayName: z.string().min(1).max(80),
    role: AgentRole,
    queueIds: z.array(QueueId),
    presence: Presence,
    /** When the agent last became available; routing offers to the longest idle first. */
    availableSince: Instant.optional(),
    /** When the current presence began: the time in state, also for system states (busy, wrap-up). */
    presenceSince: Instant.optional(),
    /** While the agent works (`busy`, `wrap-up`): the presence they chose, restored when the work ends. */
    chosenPresence: Presence.optional(),
  })
  .meta({ id: 'Agent' });
export type Agent = z.infer<typeof Agent>;
