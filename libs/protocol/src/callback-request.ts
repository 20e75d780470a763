import { z } from 'zod';
import { CallbackReason } from './callback-reason';
import { CallbackRouting } from './callback-routing';
import { E164PhoneNumber, InternationalPhoneNumber } from './e164-phone-number';
import { CallbackSchedule } from './callback-schedule';
import { CallbackSource } from './callback-state';
import { Customer } from './customer';
import { AgentId, QueueId } from './identifiers';
import { Instant } from './instant';
import { RetryPolicy } from './retry-policy';
import { RoutingMode } from './routing-mode';

const attributeKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, 'Attribute names are 1-64 letters, digits, _ . -');

/** Free attributes carried to the agent (at most 50, values up to 1,000 characters). */
export const CallbackAttributes = z
  .record(attributeKey, z.string().max(1000))
  .refine((attributes) => Object.keys(attributes).length <= 50, { message: 'At most 50 attributes' })
  .meta({ id: 'CallbackAttributes' });
export type CallbackAttributes = z.infer<typeof CallbackAttributes>;

/** Body of `POST /v1/callbacks`. Defaults (mode, retry policy) come from the queue. */
export const CreateCallbackRequest = z
  .strictObject({
    queueId: QueueId,
    /** Numbers may come formatted (`+1 (415) 555-2671`); they are stored, compared and returned in E.164. */
    customer: Customer.extend({ phoneNumbers: z.array(InternationalPhoneNumber).min(1).max(5) }),
    reason: CallbackReason,
    shortDescription: z.string().trim().min(1).max(160),
    description: z.string().max(4000).optional(),
    notes: z.string().max(4000).optional(),
    caseRef: z.string().max(64).optional(),
    accountRef: z.string().max(64).optional(),
    ivrPath: z.array(z.string().min(1).max(64)).max(20).default([]),
    attributes: CallbackAttributes.default({}),
    mode: RoutingMode.optional(),
    schedule: CallbackSchedule.default({ type: 'asap' }),
    expireAt: Instant.optional(),
    /**
     * When the customer started waiting (e.g. entered the IVR queue before choosing a callback):
     * ASAP ordering counts from here instead of the request time, so the customer keeps their place.
     * Not in the future and at most 24 hours ago (checked against the gateway's clock at creation).
     */
    waitingSince: Instant.optional(),
    retryPolicy: RetryPolicy.optional(),
    source: CallbackSource.default('api'),
    /** The number and name the customer sees calling (Genesys `callerId`, `callerIdName`); the vendor's default otherwise. */
    callerId: E164PhoneNumber.optional(),
    callerIdName: z.string().trim().min(1).max(64).optional(),
    routing: CallbackRouting.optional(),
    /**
     * The one agent who makes this call ("call me back Tuesday"): its offers go to them only. A
     * signed-in agent may name only themselves, a supervisor anyone; anonymous intake may not set it.
     */
    assignedAgentId: AgentId.optional(),
  })
  .meta({ id: 'CreateCallbackRequest' });
export type CreateCallbackRequest = z.infer<typeof CreateCallbackRequest>;
export type CreateCallbackRequestInput = z.input<typeof CreateCallbackRequest>;

/** Body of `PATCH /v1/callbacks/:id`: the descriptive fields an agent or the customer may change. */
export const UpdateCallbackRequest = z
  .strictObject({
    shortDescription: z.string().trim().min(1).max(160).optional(),
    description: z.string().max(4000).optional(),
    notes: z.string().max(4000).optional(),
    caseRef: z.string().max(64).optional(),
    accountRef: z.string().max(64).optional(),
    attributes: CallbackAttributes.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to update' })
  .meta({ id: 'UpdateCallbackRequest' });
export type UpdateCallbackRequest = z.infer<typeof UpdateCallbackRequest>;

/** Body of `POST /v1/callbacks/:id/cancel`. */
export const CancelCallbackRequest = z
  .strictObject({ reason: z.string().max(500).optional() })
  .meta({ id: 'CancelCallbackRequest' });
export type CancelCallbackRequest = z.infer<typeof CancelCallbackRequest>;

/** Body of `POST /v1/callbacks/:id/reschedule`; vendors with `rescheduleMove` also take another queue or other numbers. */
export const RescheduleCallbackRequest = z
  .strictObject({
    start: Instant,
    windowEnd: Instant.optional(),
    queueId: QueueId.optional(),
    phoneNumbers: Customer.shape.phoneNumbers.optional(),
    /**
     * Keeps the rescheduled callback for this agent (see `CreateCallbackRequest.assignedAgentId`);
     * `null` releases a kept callback to its queue (whoever of the queue is free takes it).
     */
    assignedAgentId: AgentId.nullable().optional(),
  })
  .refine((body) => body.windowEnd === undefined || Date.parse(body.windowEnd) > Date.parse(body.start), {
    message: 'windowEnd must be after start',
    path: ['windowEnd'],
  })
  .meta({ id: 'RescheduleCallbackRequest' });
export type RescheduleCallbackRequest = z.infer<typeof RescheduleCallbackRequest>;
