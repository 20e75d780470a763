import { z } from 'zod';
import { ContextCard } from './context-card';
import { E164PhoneNumber } from './e164-phone-number';
import { AgentId, CallbackId, InteractionId, QueueId, VendorName } from './identifiers';
import { Instant } from './instant';
import { DialFailure, InteractionOutcome, InteractionState } from './interaction-state';
import { RoutingMode } from './routing-mode';
import { TransferTarget } from './transfer-target';
import { WrapUp } from './wrap-up';

export const CallAttempt = z
  .object({
    attempt: z.number().int().min(1),
    phoneNumber: E164PhoneNumber,
    startedAt: Instant,
    outcome: z.union([z.literal('answered'), DialFailure]).optional(),
    endedAt: Instant.optional(),
  })
  .meta({ id: 'CallAttempt' });
export type CallAttempt = z.infer<typeof CallAttempt>;

export const CallFlags = z
  .object({
    muted: z.boolean(),
    recording: z.boolean(),
    escalated: z.boolean(),
    /** Agent consulted before a transfer; `conference` once merged. */
    consultAgentId: AgentId.optional(),
    conference: z.boolean(),
  })
  .meta({ id: 'CallFlags' });
export type CallFlags = z.infer<typeof CallFlags>;

/** The ICC view of one callback as a voice interaction: a projection of its events. */
export const Interaction = z
  .object({
    id: InteractionId,
    callbackId: CallbackId,
    vendor: VendorName,
    /** The vendor's own id for this work item (Genesys conversation id, Amazon Connect contact id), when it has one. */
    vendorRef: z.string().optional(),
    queueId: QueueId,
    /**
     * The configuration version of `queueId` this interaction started with: its offer timeout, dial
     * method, auto close and closing reasons stay those of that version when the queue changes later.
     */
    queueConfigVersion: z.number().int().min(1).optional(),
    /** The closing reasons of that version, so an agent's close dialog offers what the interaction started with. */
    closingReasons: z.array(z.string()).optional(),
    mode: RoutingMode,
    state: InteractionState,
    outcome: InteractionOutcome.optional(),
    /** Agent the interaction is offered to, reserved for or handled by. */
    agentId: AgentId.optional(),
    offerExpiresAt: Instant.optional(),
    /** Agents who rejected or let the offer time out; they are skipped when re-offering. */
    declinedBy: z.array(AgentId),
    customerOnLine: z.boolean(),
    attempts: z.array(CallAttempt),
    maxAttempts: z.number().int().min(1),
    scheduledAt: Instant.optional(),
    windowEnd: Instant.optional(),
    expireAt: Instant.optional(),
    nextRetryAt: Instant.optional(),
    autoDialAt: Instant.optional(),
    autoCloseAt: Instant.optional(),
    requestedAt: Instant,
    /**
     * Where its place in an ASAP line counts from, when not `requestedAt`: the customer's own
     * `waitingSince`, or the time a no-answer retry re-entered a queue whose retries lose their place.
     */
    waitingSince: Instant.optional(),
    offeredAt: Instant.optional(),
    acceptedAt: Instant.optional(),
    firstDialedAt: Instant.optional(),
    connectedAt: Instant.optional(),
    endedAt: Instant.optional(),
    closedAt: Instant.optional(),
    /** Accept → first dial, in milliseconds (agent-first). */
    previewDurationMs: z.number().int().min(0).optional(),
    call: CallFlags,
    transfer: z
      .object({ target: TransferTarget, toInteractionId: InteractionId, requestedAt: Instant })
      .optional(),
    transferredFrom: InteractionId.optional(),
    /** The outside number the live call was transferred to; the interaction then closes as `transferred`. */
    transferredToNumber: E164PhoneNumber.optional(),
    wrapUp: WrapUp.optional(),
    card: ContextCard,
    /** Sequence of the last event folded into this view. */
    seq: z.number().int().min(0),
  })
  .meta({ id: 'Interaction' });
export type Interaction = z.infer<typeof Interaction>;
