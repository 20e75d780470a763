import { z } from 'zod';
import { AgentId } from '../identifiers';
import { Instant } from '../instant';
import { defineInteractionEvent } from './define-event';

export const InteractionOfferedEvent = defineInteractionEvent('interaction.offered', {
  agentId: AgentId,
  expiresAt: Instant,
});

export const InteractionOfferDeclinedEvent = defineInteractionEvent('interaction.offer-declined', {
  agentId: AgentId,
  cause: z.enum(['rejected', 'timeout', 'agent-unavailable']),
});

/** Agent-first: previewing begins (`autoDialAt` when the queue dials automatically). Customer-first: bridged. */
export const InteractionAcceptedEvent = defineInteractionEvent('interaction.accepted', {
  agentId: AgentId,
  autoDialAt: Instant.optional(),
});
