import { z } from 'zod';
import { CallbackReason } from './callback-reason';
import { CallbackSchedule } from './callback-schedule';
import { CallbackSource, CallbackState } from './callback-state';
import { CallbackAttributes } from './callback-request';
import { CallbackRouting } from './callback-routing';
import { E164PhoneNumber } from './e164-phone-number';
import { Customer } from './customer';
import { AgentId, CallbackId, CallbackNumber, InteractionId, QueueId, VendorName } from './identifiers';
import { Instant } from './instant';
import { RetryPolicy } from './retry-policy';
import { RoutingMode } from './routing-mode';

/** A customer's callback request as stored, with the queue's defaults applied. */
export const Callback = z
  .object({
    id: CallbackId,
    number: CallbackNumber,
    idempotencyKey: z.string().max(255).optional(),
    queueId: QueueId,
    mode: RoutingMode,
    customer: Customer,
    reason: CallbackReason,
    shortDescription: z.string(),
    description: z.string().optional(),
    notes: z.string().optional(),
    caseRef: z.string().optional(),
    accountRef: z.string().optional(),
    ivrPath: z.array(z.string()),
    attributes: CallbackAttributes,
    schedule: CallbackSchedule,
    expireAt: Instant.optional(),
    /** When the customer started waiting, when it was before the request (see `CreateCallbackRequest.waitingSince`). */
    waitingSince: Instant.optional(),
    retryPolicy: RetryPolicy,
    /** The queue configuration version the callback was created under (its retry policy came from it). */
    queueConfigVersion: z.number().int().min(1).optional(),
    source: CallbackSource,
    callerId: E164PhoneNumber.optional(),
    callerIdName: z.string().optional(),
    routing: CallbackRouting.optional(),
    requestedAt: Instant,
    state: CallbackState,
    /** Interaction currently carrying the callback (a transfer starts a new one). */
    interactionId: InteractionId,
    /** The vendor carrying the current interaction, and its own id for it (Genesys conversation, Connect contact) when it has one. */
    vendor: VendorName.optional(),
    vendorRef: z.string().max(256).optional(),
    attempts: z.number().int().min(0),
    nextRetryAt: Instant.optional(),
    closedAt: Instant.optional(),
    /** The one agent its offers go to, when an agent took it for themselves; a transfer hands it back to routing. */
    assignedAgentId: AgentId.optional(),
  })
  .meta({ id: 'Callback' });
export type Callback = z.infer<typeof Callback>;
