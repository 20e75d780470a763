import { z } from 'zod';
import { Callback } from '../callback';
import { Customer } from '../customer';
import { CallbackReason } from '../callback-reason';
import { AgentId, InteractionId, QueueId } from '../identifiers';
import { Instant } from '../instant';
import { InteractionOutcome } from '../interaction-state';
import { UpdateCallbackRequest } from '../callback-request';
import { TransferTarget } from '../transfer-target';
import { WrapUp } from '../wrap-up';
import { defineInteractionEvent } from './define-event';

/** A new interaction carries the callback: on request, or as the receiving side of a transfer. */
export const InteractionCreatedEvent = defineInteractionEvent('interaction.created', {
  callback: Callback,
  queueName: z.string(),
  /** The queue configuration version the interaction starts with (see `Interaction.queueConfigVersion`). */
  queueConfigVersion: z.number().int().min(1).optional(),
  /** That version's closing reasons, when it names any. */
  closingReasons: z.array(z.string()).optional(),
  vendor: z.string(),
  /** The vendor's own id for the work item (Genesys conversation id), so an adapter finds it again after a restart. */
  vendorRef: z.string().max(256).optional(),
  initialState: z.enum(['queued', 'scheduled', 'offered']),
  scheduledAt: Instant.optional(),
  transferredFrom: InteractionId.optional(),
  /** Hash of the create request when it carried an `Idempotency-Key` (same key, other body = 409). */
  requestHash: z.string().max(128).optional(),
});

export const CallbackUpdatedEvent = defineInteractionEvent('callback.updated', {
  changes: z.lazy(() => UpdateCallbackRequest),
});

/** Scheduled (or retry-wait) item enters the queue. */
export const InteractionQueuedEvent = defineInteractionEvent('interaction.queued', {
  cause: z.enum(['schedule-start', 'retry', 'offer-declined', 'customer-answered', 'transfer', 'agent-released']),
  overdue: z.boolean().default(false),
  /** Its place in line counts from here from now on (a retry in a queue with `retryKeepsPlace: false`). */
  waitingSince: Instant.optional(),
});

export const InteractionRescheduledEvent = defineInteractionEvent('interaction.rescheduled', {
  scheduledAt: Instant,
  windowEnd: Instant.optional(),
  /** The callback moves to this queue (and `queueName`) too. */
  queueId: QueueId.optional(),
  queueName: z.string().optional(),
  /** The customer's numbers from now on. */
  phoneNumbers: Customer.shape.phoneNumbers.optional(),
  by: z.enum(['agent', 'api', 'customer', 'system']),
  /** The agent who keeps the callback from now on (its offers go to them only); `null`: nobody, back to the queue. */
  assignedAgentId: AgentId.nullable().optional(),
});

export const InteractionTransferRequestedEvent = defineInteractionEvent('interaction.transfer-requested', {
  target: TransferTarget,
  toInteractionId: InteractionId,
});

/** The callback returns to the sending interaction (and its queue). */
export const InteractionTransferCancelledEvent = defineInteractionEvent('interaction.transfer-cancelled', {
  queueId: QueueId,
});

/** The longest `detail` a closed event carries (a close-callback's notes are cut to it). */
export const CLOSE_DETAIL_MAX_LENGTH = 500;

export const InteractionClosedEvent = defineInteractionEvent('interaction.closed', {
  outcome: InteractionOutcome,
  by: z.enum(['agent', 'customer', 'system', 'api']),
  wrapUp: WrapUp.optional(),
  closeReason: CallbackReason.optional(),
  detail: z.string().max(CLOSE_DETAIL_MAX_LENGTH).optional(),
});
