import { z } from 'zod';
import { AgentId, CallbackId, InteractionId, QueueId } from './identifiers';
import { Instant } from './instant';

/** Why an offer went unanswered: the agent let it time out, or rejected it. */
export const MissedOfferReason = z.enum(['timeout', 'rejected']).meta({ id: 'MissedOfferReason' });
export type MissedOfferReason = z.infer<typeof MissedOfferReason>;

/**
 * One offer an agent did not take, kept from `interaction.offer-declined` (an offer withdrawn
 * because its agent went unavailable is not the agent missing it, and is not kept).
 */
export const MissedOffer = z
  .object({
    /** The `seq` of the `interaction.offer-declined` event. */
    seq: z.number().int().min(1),
    at: Instant,
    agentId: AgentId,
    /** The queue the callback was offered from. */
    queueId: QueueId,
    interactionId: InteractionId,
    callbackId: CallbackId,
    reason: MissedOfferReason,
  })
  .meta({ id: 'MissedOffer' });
export type MissedOffer = z.infer<typeof MissedOffer>;

/** Missed and rejected offers of one agent or queue. */
export const MissedOfferCount = z
  .object({ id: z.string(), timeout: z.number().int().min(0), rejected: z.number().int().min(0) })
  .meta({ id: 'MissedOfferCount' });
export type MissedOfferCount = z.infer<typeof MissedOfferCount>;

/** Query of `GET /v1/offers/missed`: every filter optional; `from` inclusive, `to` exclusive. */
export const MissedOffersQuery = z
  .strictObject({
    agentId: AgentId.optional(),
    queueId: QueueId.optional(),
    reason: MissedOfferReason.optional(),
    from: Instant.optional(),
    to: Instant.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .meta({ id: 'MissedOffersQuery' });
export type MissedOffersQuery = z.infer<typeof MissedOffersQuery>;

/** Answer of `GET /v1/offers/missed`: the newest `limit` records, and totals over everything that matched. */
export const MissedOffersPage = z
  .object({
    items: z.array(MissedOffer),
    totals: z.object({ byAgent: z.array(MissedOfferCount), byQueue: z.array(MissedOfferCount) }),
  })
  .meta({ id: 'MissedOffersPage' });
export type MissedOffersPage = z.infer<typeof MissedOffersPage>;
