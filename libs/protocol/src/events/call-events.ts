import { z } from 'zod';
import { E164PhoneNumber } from '../e164-phone-number';
import { AgentId, QueueId } from '../identifiers';
import { Instant } from '../instant';
import { DialFailure } from '../interaction-state';
import { defineInteractionEvent } from './define-event';

export const InteractionDialingEvent = defineInteractionEvent('interaction.dialing', {
  attempt: z.number().int().min(1),
  phoneNumber: E164PhoneNumber,
  /** Agent-first: the handling agent. Customer-first: the agent reserved for the answered call. */
  agentId: AgentId.optional(),
  trigger: z.enum(['agent', 'auto-dial', 'system']),
});

export const InteractionCustomerAnsweredEvent = defineInteractionEvent('interaction.customer-answered', {});

export const InteractionDialFailedEvent = defineInteractionEvent('interaction.dial-failed', {
  failure: DialFailure,
});

export const InteractionRetryScheduledEvent = defineInteractionEvent('interaction.retry-scheduled', {
  nextRetryAt: Instant,
});

export const InteractionHeldEvent = defineInteractionEvent('interaction.held', {});
export const InteractionResumedEvent = defineInteractionEvent('interaction.resumed', {});
export const InteractionMutedEvent = defineInteractionEvent('interaction.muted', { muted: z.boolean() });
export const InteractionRecordingEvent = defineInteractionEvent('interaction.recording', { recording: z.boolean() });
export const InteractionDtmfSentEvent = defineInteractionEvent('interaction.dtmf-sent', {
  digits: z.string().regex(/^[0-9*#A-D]{1,32}$/),
});
export const InteractionEscalatedEvent = defineInteractionEvent('interaction.escalated', { escalated: z.boolean() });

export const InteractionConsultStartedEvent = defineInteractionEvent('interaction.consult-started', { agentId: AgentId });
export const InteractionConsultEndedEvent = defineInteractionEvent('interaction.consult-ended', {
  result: z.enum(['merged', 'cancelled']),
});

/** Blind transfer, or leave-and-transfer after a consult: the call now belongs to `toAgentId`. */
export const InteractionCallTransferredEvent = defineInteractionEvent('interaction.call-transferred', {
  fromAgentId: AgentId,
  toAgentId: AgentId,
  method: z.enum(['blind', 'consult']),
});

/**
 * Blind transfer to a queue: the agent leaves, the customer stays on the line and waits in `queueId`
 * for its next free agent, under that queue's configuration version at the time of the transfer.
 */
export const InteractionCallRequeuedEvent = defineInteractionEvent('interaction.call-requeued', {
  fromAgentId: AgentId,
  queueId: QueueId,
  queueName: z.string().min(1).optional(),
  queueConfigVersion: z.number().int().min(1).optional(),
  closingReasons: z.array(z.string()).optional(),
});

/** Blind transfer to an outside number: the call leaves ICC; the agent goes to wrap-up. */
export const InteractionCallTransferredExternallyEvent = defineInteractionEvent('interaction.call-transferred-externally', {
  fromAgentId: AgentId,
  phoneNumber: E164PhoneNumber,
  autoCloseAt: Instant.optional(),
});

export const InteractionCallEndedEvent = defineInteractionEvent('interaction.call-ended', {
  by: z.enum(['agent', 'customer', 'system']),
  autoCloseAt: Instant.optional(),
});

/** The agent asked for more after-call work: wrap-up now closes itself at the new `autoCloseAt`. */
export const InteractionWrapUpExtendedEvent = defineInteractionEvent('interaction.wrap-up-extended', {
  agentId: AgentId,
  autoCloseAt: Instant,
  extendedBySeconds: z.number().int().min(1),
});
