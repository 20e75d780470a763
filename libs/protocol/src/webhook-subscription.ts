import { z } from 'zod';
import { Callback } from './callback';
import { EventSeq } from './events/define-event';
import { AgentId, CallbackId, InteractionId } from './identifiers';
import { Instant } from './instant';
import { InteractionOutcome } from './interaction-state';
import { Presence } from './presence';

/** What an integrator can subscribe to; mapped from ICC events in core's `toOutboundEvent` (docs/webhooks-out.md). */
export const OutboundEventType = z
  .enum(['callback.created', 'callback.scheduled', 'callback.offered', 'callback.missed', 'callback.answered', 'callback.closed', 'agent.presence'])
  .meta({ id: 'OutboundEventType' });
export type OutboundEventType = z.infer<typeof OutboundEventType>;

export const WebhookSubscriptionId = z.string().regex(/^whs_[A-Za-z0-9_-]{1,64}$/).meta({ id: 'WebhookSubscriptionId' });

export const CreateWebhookSubscriptionRequest = z
  .strictObject({
    /** Where deliveries are POSTed: https (http only to localhost when the gateway allows it for development). */
    url: z.url().max(2048),
    eventTypes: z.array(OutboundEventType).min(1).max(OutboundEventType.options.length),
    description: z.string().max(200).optional(),
  })
  .meta({ id: 'CreateWebhookSubscriptionRequest' });
export type CreateWebhookSubscriptionRequest = z.infer<typeof CreateWebhookSubscriptionRequest>;

export const WebhookDeliveryHealth = z
  .object({
    pending: z.number().int().min(0),
    delivered: z.number().int().min(0),
    deadLettered: z.number().int().min(0),
    /** Events of the log not yet examined for this subscription (head seq minus its cursor). */
    lagEvents: z.number().int().min(0),
  })
  .meta({ id: 'WebhookDeliveryHealth' });
export type WebhookDeliveryHealth = z.infer<typeof WebhookDeliveryHealth>;

export const WebhookSubscription = z
  .object({
    id: WebhookSubscriptionId,
    url: z.string(),
    eventTypes: z.array(OutboundEventType),
    description: z.string().optional(),
    createdAt: Instant,
    health: WebhookDeliveryHealth,
  })
  .meta({ id: 'WebhookSubscription' });
export type WebhookSubscription = z.infer<typeof WebhookSubscription>;

/** The creation answer: the only time the signing secret is shown. */
export const CreatedWebhookSubscription = WebhookSubscription.extend({
  secret: z.string().meta({ description: 'HMAC-SHA256 key of X-ICC-Signature; shown once' }),
}).meta({ id: 'CreatedWebhookSubscription' });

export const WebhookSubscriptionList = z.object({ subscriptions: z.array(WebhookSubscription) }).meta({ id: 'WebhookSubscriptionList' });

export const WebhookDeadLetter = z
  .object({
    seq: EventSeq,
    eventType: OutboundEventType,
    orderKey: z.string(),
    attempts: z.number().int().min(0),
    lastError: z.string().optional(),
  })
  .meta({ id: 'WebhookDeadLetter' });
export type WebhookDeadLetter = z.infer<typeof WebhookDeadLetter>;

export const WebhookDeadLetterList = z.object({ deadLetters: z.array(WebhookDeadLetter) }).meta({ id: 'WebhookDeadLetterList' });

export const ReplayWebhookRequest = z
  .strictObject({ fromSeq: EventSeq.meta({ description: 'Every matching event with seq >= fromSeq is delivered again, in order' }) })
  .meta({ id: 'ReplayWebhookRequest' });

/** The body POSTed to a subscriber: one event. `id` is stable across retries (`<subscription>.<seq>`): dedupe on it. */
export const OutboundEvent = z
  .object({
    id: z.string(),
    type: OutboundEventType,
    seq: EventSeq,
    at: Instant,
    callbackId: CallbackId.optional(),
    interactionId: InteractionId.optional(),
    agentId: AgentId.optional(),
    /** `callback.created`: the callback as requested. */
    callback: Callback.optional(),
    /** `callback.scheduled`: when it is due. */
    scheduledAt: Instant.optional(),
    /** `callback.missed`: why the offer was not taken. */
    reason: z.enum(['rejected', 'timeout', 'agent-unavailable']).optional(),
    /** `callback.closed`. */
    outcome: InteractionOutcome.optional(),
    /** `agent.presence`. */
    presence: Presence.optional(),
    previousPresence: Presence.optional(),
  })
  .meta({ id: 'OutboundEvent' });
export type OutboundEvent = z.infer<typeof OutboundEvent>;
